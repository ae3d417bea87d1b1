import { type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { escapeHtml } from "../http/html.js";

/** Options of {@link developmentLandingPage}. */
export interface LandingPageOptions {
  /** The operation Sandbox opens with. */
  document: string;
  /** "A, B and C": the providers served, for the offline page. */
  providerNames: string;
  /** Headers pre-filled in Sandbox, and shown in the curl example (the demo keys). */
  headers?: Record<string, string>;
  /** The server's GraphQL URL, known once it listens. */
  endpoint: () => string;
}

// Apollo's page shows this block when Sandbox's script (from Apollo's CDN) does not load.
const APOLLO_FALLBACK = /<div class="fallback">[\s\S]*?<\/div>/;

/**
 * Apollo Sandbox embedded at `GET /graphql` in development, with a page that is useful without
 * it: offline or behind a proxy that blocks Apollo's CDN, the browser shows what this server is,
 * a curl example with the demo headers, and where the example operations are.
 */
export function developmentLandingPage(options: LandingPageOptions): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    footer: false,
    document: options.document,
    headers: options.headers,
  });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart!(service);
      const render = listener!.renderLandingPage!;
      return {
        async renderLandingPage() {
          const page = await render();
          return {
            html: async () => {
              const html = typeof page.html === "string" ? page.html : await page.html();
              return html.replace(APOLLO_FALLBACK, () => offlineHelp(options));
            },
          };
        },
      };
    },
  };
}

function offlineHelp(options: LandingPageOptions): string {
  const headers = Object.entries(options.headers ?? {})
    .map(([name, value]) => ` \\\n  -H ${escapeHtml(`'${name}: ${value}'`)}`)
    .join("");
  const body = escapeHtml(`'{"query":"{ accounts { provider id } }"}'`);
  return `<div class="fallback" style="font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
  <h1>account-graph</h1>
  <p>One GraphQL API over the account and billing settings of ${escapeHtml(options.providerNames)},
  here with the built-in provider simulators and their demo keys.</p>
  <p>Apollo Sandbox, which loads from Apollo's CDN, cannot be shown (offline, or blocked by a proxy).
  The API works without it:</p>
  <pre style="background:#f4f4f4;padding:1rem;overflow-x:auto">curl ${escapeHtml(options.endpoint())} \\
  -H 'content-type: application/json'${headers} \\
  --data ${body}</pre>
  <p>Example operations for every provider are in <code>operations/</code> of the repository; the
  schema is <code>schema.graphql</code>.</p>
</div>`;
}
