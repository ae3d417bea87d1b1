import { escapeHtml } from "../http/html.js";
import { describeFault, SIMULATED_FAULTS, type SimulatedFault } from "../http/simulated-faults.js";
import { EXPLORER_BOOT_SCRIPT } from "./explorer-boot.js";

/** What the development landing page's own part shows and opens GraphiQL with. */
export interface ExplorerPageOptions {
  /** Apollo's nonce for this page: every script and style element here carries it. */
  nonce: string;
  /** The example operation, opened in Sandbox and in GraphiQL alike. */
  document: string;
  /** Headers pre-filled in the explorer and shown in the curl example (the demo keys). */
  headers: Record<string, string>;
  /** "A, B and C": the providers served. */
  providerNames: string;
  /** The server's GraphQL URL, for the curl example. */
  endpoint: string;
  /** Where GraphiQL's files are served, or undefined when they are not installed. */
  assets?: string;
  /** The providers `X-Simulate-Fault` may name, when it works here (simulated mode). */
  faultProviders?: readonly string[];
}

/** How long Sandbox's script may take from Apollo's CDN before GraphiQL opens instead. */
const SANDBOX_WAIT_MS = 5000;

// Apollo's page hides `.fallback` for its first second (while Sandbox loads over it); its CSP
// allows no style attribute, so everything here is styled from this nonce'd sheet.
const STYLE = `
#account-graph-fallback { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46rem; margin: 0 auto; line-height: 1.5; overflow-wrap: anywhere; }
#account-graph-fallback pre { background: #f4f4f4; padding: 0.75rem; white-space: pre-wrap; word-break: break-all; }
body.account-graph-offline { overflow-y: auto; }
body.account-graph-offline #account-graph-fallback { opacity: 1; animation: none; }
body.account-graph-graphiql #account-graph-fallback { display: none; }
#account-graph-graphiql { position: fixed; inset: 0; display: flex; flex-direction: column; }
#account-graph-graphiql > header { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 6px 12px; border-bottom: 1px solid #ddd; }
#account-graph-graphiql > main { flex: 1; min-height: 0; }
@media (max-width: 700px) {
  #account-graph-graphiql > header span { display: block; font-size: 12px; }
  #account-graph-graphiql .graphiql-container { flex-direction: column; }
  #account-graph-graphiql .graphiql-sidebar { flex-direction: row; width: auto; padding: 4px 8px; }
  #account-graph-graphiql .graphiql-main { min-width: 0; min-height: 0; }
  #account-graph-graphiql #graphiql-session { flex-direction: column; }
  /* GraphiQL sizes the panes inline, side by side; stacked, the editors get the larger share. */
  #account-graph-graphiql #graphiql-session > .graphiql-editors { flex: 3 1 0% !important; }
  #account-graph-graphiql #graphiql-session > .graphiql-response { flex: 2 1 0% !important; }
  #account-graph-graphiql .graphiql-horizontal-drag-bar { display: none; }
  #account-graph-graphiql .graphiql-editors, #account-graph-graphiql .graphiql-response { min-height: 0; }
}
`;

/** Data for a `<script type="application/json">` block: `<` escaped, so no `</script>` inside. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The faults and how to ask for them, one line each, for the page. */
function faultLines(providerIds: readonly string[]): string[] {
  const names = providerIds.map(id => id.toLowerCase());
  return [
    `Simulated faults: send X-Simulate-Fault: <provider>=<fault>[, ...], e.g. ${names[0]}=rate-limited;`,
    `the providers are ${names.join(", ")}; the faults:`,
    ...Object.entries(SIMULATED_FAULTS).map(([name, { code }]) => `  ${name}: ${describeFault(name as SimulatedFault)} (${code})`),
  ];
}

/** The same, short, as the comment the example operation opens with. */
export function faultComment(providerIds: readonly string[]): string {
  return [
    "# Simulated faults: add the header X-Simulate-Fault: <provider>=<fault>[, ...]",
    `#   providers: ${providerIds.map(id => id.toLowerCase()).join(", ")}`,
    `#   faults: ${Object.keys(SIMULATED_FAULTS).join(", ")}`,
  ].join("\n");
}

/**
 * account-graph's part of Apollo's development landing page, in place of Apollo's `.fallback`
 * block: what this server is with a curl example (shown when no explorer can be), and the script
 * that opens GraphiQL when Sandbox cannot load (`explorer-boot.ts`).
 */
export function explorerFallback(options: ExplorerPageOptions): string {
  const { nonce } = options;
  const headers = Object.entries(options.headers)
    .map(([name, value]) => ` \\\n  -H ${escapeHtml(`'${name}: ${value}'`)}`)
    .join("");
  const body = escapeHtml(`'{"query":"{ accounts { provider id } }"}'`);
  const faults = options.faultProviders ? `<pre>${escapeHtml(faultLines(options.faultProviders).join("\n"))}</pre>` : "";
  const config = {
    assets: options.assets ?? "",
    graphiql: options.assets !== undefined,
    query: options.document,
    headers: JSON.stringify(options.headers, null, 2),
    sandboxWaitMs: SANDBOX_WAIT_MS,
  };
  return `<div class="fallback" id="account-graph-fallback">
  <h1>account-graph</h1>
  <p>One GraphQL API over the account and billing settings of ${escapeHtml(options.providerNames)}.</p>
  <p>The explorer is Apollo Sandbox, from Apollo's CDN, or where that cannot load, GraphiQL from this
  server; neither could be shown. The API works without them:</p>
  <pre>curl ${escapeHtml(options.endpoint)} \\
  -H 'content-type: application/json'${headers} \\
  --data ${body}</pre>
  ${faults}
  <p>Example operations for every provider are in <code>operations/</code> of the repository; the
  schema is <code>schema.graphql</code>.</p>
</div>
<script type="application/json" id="account-graph-explorer">${scriptJson(config)}</script>
<style nonce="${nonce}">${STYLE}</style>
<script nonce="${nonce}">${EXPLORER_BOOT_SCRIPT}</script>`;
}
