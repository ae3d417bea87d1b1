import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { type AddressInfo } from "node:net";
import { composeServices, type CompositionResult } from "@apollo/composition";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { parse } from "graphql";
import { ACCOUNT_GRAPH } from "./headers.js";

export { ACCOUNT_GRAPH, ACCOUNT_GRAPH_FORWARDED_HEADERS } from "./headers.js";

/** The test-only second subgraph's name. */
export const INSIGHTS = "insights";

/** Options of {@link HeaderForwardingDataSource}. */
export interface HeaderForwardingOptions {
  /** The subgraph's GraphQL URL. */
  url: string;
  /** Incoming header names (any case) copied to this subgraph; nothing else is copied. */
  forwardHeaders: readonly string[];
  /**
   * The gateway's own token for a subgraph that runs with `API_TOKENS`: sent as
   * `Authorization: Bearer <serviceToken>`. The caller's `authorization` is never forwarded: it
   * authenticates the caller to the gateway, and subgraph tokens must not be handed to callers.
   */
  serviceToken?: string;
}

/**
 * A gateway data source that forwards an allow-list of the caller's headers to one subgraph.
 * An allow-list (not "everything but cookies") so that a header added by a client or a proxy
 * later — session cookies, internal routing secrets — never reaches a subgraph by default, and
 * provider credentials go only to the subgraph that needs them.
 */
export class HeaderForwardingDataSource extends RemoteGraphQLDataSource {
  private readonly forward: readonly string[];
  private readonly serviceToken?: string;

  constructor(options: HeaderForwardingOptions) {
    super({ url: options.url });
    this.forward = options.forwardHeaders.map(name => name.toLowerCase());
    this.serviceToken = options.serviceToken;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    const outgoing = options.request.http!.headers;
    // Health checks and schema loading have no caller: only the gateway's own token goes out.
    // (Narrowed by property, not by the enum: the gateway's CJS build does not export it to ESM.)
    if ("incomingRequestContext" in options) {
      const incoming = options.incomingRequestContext.request.http?.headers;
      for (const name of this.forward) {
        const value = incoming?.get(name);
        if (value) outgoing.set(name, value);
      }
    }
    if (this.serviceToken) outgoing.set("authorization", `Bearer ${this.serviceToken}`);
  }
}

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Our committed subgraph SDL (`schema.graphql`, what `buildSubgraph()` serves). */
export const ACCOUNT_GRAPH_SDL = readFileSync(
  new URL("../../schema.graphql", import.meta.url),
  "utf8",
);
/** The test-only insights subgraph SDL (adds fields to CudoBillingAccount and DepictaAccount). */
export const INSIGHTS_SDL = fixture("insights.graphql");

/** Compose account-graph with a second subgraph (default: insights) at the given routing URLs. */
export function composeWithInsights(
  urls: { accountGraph: string; insights: string } = {
    accountGraph: "http://account-graph:4000/graphql",
    insights: "http://insights:4001/graphql",
  },
  insightsSdl: string = INSIGHTS_SDL,
): CompositionResult {
  return composeServices([
    { name: ACCOUNT_GRAPH, typeDefs: parse(ACCOUNT_GRAPH_SDL), url: urls.accountGraph },
    { name: INSIGHTS, typeDefs: parse(insightsSdl), url: urls.insights },
  ]);
}

/** A request as a {@link RecordingProxy} saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A transparent HTTP proxy in front of a server, recording the headers that reach it. */
export interface RecordingProxy {
  url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  "host",
  "connection",
  "keep-alive",
  "content-length",
  "transfer-encoding",
]);

/**
 * Start a loopback proxy to `target` (an origin such as `http://127.0.0.1:1234`). It lets a test
 * see exactly which headers arrive at our server from a gateway, without hooks in the server.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: { ...req.headers },
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = String(value);
      }
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(target + (req.url ?? "/"), { method: req.method, headers, body })
        .then(async upstream => {
          const text = await upstream.text();
          res.writeHead(upstream.status, {
            "content-type": upstream.headers.get("content-type") ?? "application/json",
          });
          res.end(text);
        })
        .catch((error: Error) => {
          res.writeHead(502, { "content-type": "text/plain" });
          res.end(`proxy error: ${error.message}`);
        });
    });
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
