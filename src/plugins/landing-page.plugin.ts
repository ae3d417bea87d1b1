import { type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { explorerFallback, faultComment } from "../explorer/explorer-page.js";

/** Options of {@link developmentLandingPage}. */
export interface LandingPageOptions {
  /** The operation the explorer opens with. */
  document: string;
  /** "A, B and C": the providers served, for the offline page. */
  providerNames: string;
  /** Headers pre-filled in the explorer, and shown in the curl example (the demo keys). */
  headers?: Record<string, string>;
  /** The server's GraphQL URL, known once it listens. */
  endpoint: () => string;
  /** Where GraphiQL's files are served (`/explorer/`), or undefined when they are not installed. */
  explorerAssets?: string;
  /** The providers `X-Simulate-Fault` may name, in simulated mode: the page and example list the faults. */
  faultProviders?: readonly string[];
}

// Apollo's page shows this block when Sandbox's script (from Apollo's CDN) does not load.
const APOLLO_FALLBACK = /<div class="fallback">[\s\S]*?<\/div>/;
// The nonce of Apollo's Content-Security-Policy, fresh for every page.
const NONCE = /'nonce-([^']+)'/;

/**
 * Apollo Sandbox embedded at `GET /graphql` in development, and where it cannot load (offline, a
 * proxy blocking Apollo's CDN) GraphiQL from this server's own files (`explorer/`), under the
 * same Content-Security-Policy; with neither, a page saying what this server is, with a curl
 * example. Both explorers open with the example operation and the demo headers.
 */
export function developmentLandingPage(options: LandingPageOptions): ApolloServerPlugin {
  const document = options.faultProviders
    ? `${faultComment(options.faultProviders)}\n${options.document}`
    : options.document;
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    footer: false,
    document,
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
              const nonce = NONCE.exec(html)?.[1] ?? "";
              return html.replace(APOLLO_FALLBACK, () =>
                explorerFallback({
                  nonce,
                  document,
                  headers: options.headers ?? {},
                  providerNames: options.providerNames,
                  endpoint: options.endpoint(),
                  assets: options.explorerAssets,
                  faultProviders: options.faultProviders,
                }),
              );
            },
          };
        },
      };
    },
  };
}
