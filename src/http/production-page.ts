import { type Config } from "../config.js";
import { type ProviderFacts } from "../contract/provider-facts.js";
import { escapeHtml } from "./html.js";

/** "A, B, C and D": the providers' names for a sentence. */
export function providerNames(providers: readonly ProviderFacts[]): string {
  const names = providers.map(p => p.name);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
}

/**
 * The page a browser gets for `GET /graphql` in production, where Apollo Sandbox is off: what
 * this server is and how to explore it. It names no secret and no internal address.
 */
export function productionPage(config: Config, providers: readonly ProviderFacts[]): string {
  const first = providers[0]!;
  const auth = config.apiTokens.length > 0 ? ` \\\n  -H 'authorization: Bearer &lt;one of API_TOKENS&gt;'` : "";
  const curl =
    `curl https://&lt;this host&gt;/graphql \\\n  -H 'content-type: application/json'${auth} \\\n` +
    `  -H '${escapeHtml(first.credentialHeader.toLowerCase())}: &lt;your ${escapeHtml(first.name)} key&gt;' \\\n` +
    `  --data '${escapeHtml(`{"query":"{ account(provider: ${first.id}) { id } }"}`)}'`;
  const introspection = config.introspection
    ? "Introspection is on (<code>INTROSPECTION=true</code>): GraphQL tools can read the schema from this endpoint."
    : "Introspection is off, as in every production deployment unless <code>INTROSPECTION=true</code> is set; the schema is <code>schema.graphql</code> in the repository and in the image (<code>/app/schema.graphql</code>).";
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>account-graph</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.5}pre{background:#f4f4f4;padding:1rem;overflow-x:auto}</style>
</head>
<body>
<h1>account-graph</h1>
<p>One GraphQL API over the account and billing settings of ${escapeHtml(providerNames(providers))}.
This server runs in production mode, where Apollo Sandbox is off.</p>
<p>Send queries as <code>POST /graphql</code> with a JSON body:</p>
<pre>${curl}</pre>
<p>${introspection}</p>
</body>
</html>
`;
}
