import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { createContext, type AppDeps, type Context } from "../context.js";
import { ErrorCode } from "../errors/codes.js";
import { loggableError } from "../errors/redact.js";
import { type Metrics, type RefusalReason } from "../observability/metrics.js";
import { type RequestTrace } from "../observability/trace-context.js";
import { type ProviderFacts } from "../contract/provider-facts.js";
import { tokenMatcher, type CallerCheck } from "./caller-auth.js";
import { acceptsGraphQLJson } from "./accept.js";
import { allowedHeaders, corsHeaders } from "./cors.js";
import { productionPage } from "./production-page.js";
import { readBody, BodyError } from "./read-body.js";
import { EXPLORER_PATH, type ExplorerAssets } from "../explorer/explorer-assets.js";
import { queryTooLarge } from "./query-size.js";
import { parseSimulatedFaults, SIMULATE_FAULT_HEADER, type RequestedFaults } from "./simulated-faults.js";
import { badPersistedHash } from "./persisted-hash.js";
import { type Idempotency } from "../idempotency/idempotency.js";
import { IDEMPOTENCY_KEY_HEADER } from "../idempotency/idempotency-key.js";

/** Options of {@link createHttpServer}. */
export interface HttpServerOptions {
  deps: AppDeps;
  /** The providers served (CORS allows their credential headers; the production page names them). */
  providers: readonly ProviderFacts[];
  apollo: ApolloServer<Context>;
  metrics: Metrics;
  /** Retry-safe mutations: requests carrying `Idempotency-Key` are handled through it. */
  idempotency: Idempotency;
  /** The offline explorer's files, served under `/explorer/` (development, when installed). */
  explorer?: ExplorerAssets;
  /** Readiness beyond "listening": undefined when ready, else why not (e.g. `starting`). */
  notReadyBecause: () => string | undefined;
}

/** The HTTP server and its graceful stop. */
export interface HttpServer {
  server: Server;
  /**
   * Stop accepting, let in-flight requests finish (up to `graceMs` after the drain began or the
   * last request was admitted, whichever is later), then close sockets.
   */
  drain(graceMs: number): Promise<void>;
}

/** The path GraphQL is served at. */
export const GRAPHQL_PATH = "/graphql";

const REQUEST_ID = /^[\w.:-]{1,128}$/;
// The start of Apollo's CSRF-prevention message (Apollo exports no code for it).
const CSRF_REFUSAL = "blocked as a potential Cross-Site Request Forgery";

/**
 * Plain `node:http` wiring (no framework: the fewest layers between socket and Apollo):
 * `GET|POST /graphql` through Apollo's `executeHTTPGraphQLRequest`, `/healthz`, `/readyz`, caller
 * authentication with `API_TOKENS`, request ids, and draining on shutdown.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { deps, apollo, providers } = options;
  const authorized = tokenMatcher(deps.config.apiTokens);
  // X-Simulate-Fault is read in simulated mode only; in live mode it is neither allowed nor read.
  const simulated = deps.config.providersMode === "simulated";
  const allowHeaders = allowedHeaders([...providers.map(p => p.credentialHeader), ...(simulated ? [SIMULATE_FAULT_HEADER] : [])]);
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  // When the latest request was admitted (epoch ms): the drain's grace runs from it too.
  let lastAdmitted = 0;

  const { http } = deps.config;
  const server = createServer(
    {
      // Slow clients cannot hold sockets: headers, whole request and idle keep-alive are bounded.
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      keepAliveTimeout: http.keepAliveTimeoutMs,
      // Node enforces the two timeouts above on this sweep (30 s by default, too coarse for them).
      connectionsCheckingInterval: Math.min(1000, http.headersTimeoutMs),
    },
    (req, res) => void admit(req, res),
  );

  // One async frame per request rather than handle()'s promise plus a catch and a finally.
  async function admit(req: IncomingMessage, res: ServerResponse) {
    inFlight += 1;
    lastAdmitted = Date.now();
    try {
      await handle(req, res);
    } catch (error) {
      deps.logger.error({ err: loggableError(error) }, "request failed outside GraphQL");
      if (!res.headersSent) sendJson(res, 500, graphqlError("Internal server error.", ErrorCode.INTERNAL_SERVER_ERROR));
      else res.destroy();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("x-request-id", requestId);
    if (draining) res.setHeader("connection", "close");

    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    const search = q < 0 ? "" : url.slice(q);

    if (path === "/healthz") return sendJson(res, 200, { status: "ok" });
    if (path === "/metrics") {
      // With API_TOKENS, operational data is for token holders too (Prometheus sends a bearer token).
      if (!authorized(req.headers.authorization).allowed) {
        return refuse(res, "unauthenticated", 401, graphqlError("Send Authorization: Bearer <token>.", ErrorCode.UNAUTHENTICATED));
      }
      res.writeHead(200, { "content-type": options.metrics.registry.contentType });
      res.end(await options.metrics.registry.metrics());
      return;
    }
    if (path === "/readyz") {
      const reason = draining ? "draining" : options.notReadyBecause();
      return sendJson(res, reason ? 503 : 200, { status: reason ?? "ready" });
    }
    if (options.explorer && path.startsWith(EXPLORER_PATH) && req.method === "GET") {
      return options.explorer.serve(path.slice(EXPLORER_PATH.length), req.headers["if-none-match"], res);
    }
    if (path !== GRAPHQL_PATH) return sendJson(res, 404, { error: `Not found. The GraphQL endpoint is ${GRAPHQL_PATH}.` });
    const method = (req.method ?? "GET").toUpperCase();
    const caller = authorized(req.headers.authorization);
    // One SERVER span per GraphQL request (named by the response finisher). Off: one property read.
    // A caller the tokens refuse gets none: it must not make spans, let alone in traces it names.
    const trace =
      deps.tracing && method !== "OPTIONS" && caller.allowed
        ? deps.tracing.startRequest(method, GRAPHQL_PATH, req.headers)
        : undefined;
    if (!trace) return graphqlRequest(req, res, method, search, requestId, caller, undefined);
    try {
      await trace.run(() => graphqlRequest(req, res, method, search, requestId, caller, trace));
    } catch (error) {
      trace.end(500);
      throw error;
    }
    trace.end(res.statusCode);
  }

  async function graphqlRequest(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    search: string,
    requestId: string,
    caller: CallerCheck,
    trace: RequestTrace | undefined,
  ) {
    const origin = req.headers.origin;
    const cors = corsHeaders(origin, deps.config.corsOrigins, method === "OPTIONS", allowHeaders);
    if (cors) for (const name in cors) res.setHeader(name, cors[name]!);
    if (method === "OPTIONS") {
      res.writeHead(cors ? 204 : 403);
      res.end();
      return;
    }
    if (draining) {
      return refuse(res, "shutting_down", 503, graphqlError("The server is shutting down; retry on another instance.", ErrorCode.SHUTTING_DOWN));
    }

    const headers = new HeaderMap();
    const incoming = req.headers;
    for (const name in incoming) {
      const value = incoming[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const landingPage = method === "GET" && search === "" && (headers.get("accept") ?? "").includes("text/html");
    // Production has no Sandbox: a browser gets a page saying how to explore instead of a CSRF error.
    if (landingPage && deps.config.production) return sendHtml(res, 200, productionPage(deps.config, providers));
    if (!landingPage && !caller.allowed) {
      res.setHeader("www-authenticate", 'Bearer realm="account-graph"');
      return refuse(res, "unauthenticated", 401, graphqlError("Send Authorization: Bearer <token> with one of the API tokens.", ErrorCode.UNAUTHENTICATED));
    }

    if (!landingPage && !acceptsGraphQLJson(headers.get("accept"))) {
      return refuse(res, "not_acceptable", 406, graphqlError("Accept must allow application/json or application/graphql-response+json.", ErrorCode.BAD_REQUEST));
    }

    let body: unknown;
    if (method === "POST") {
      try {
        body = await readBody(req, http.maxBodyBytes, headers.get("content-type"), http.requestTimeoutMs);
      } catch (error) {
        if (error instanceof BodyError) {
          if (error.status === 408) return res.destroy();
          const reason = error.status === 413 ? "body_too_large" : "bad_body";
          return refuse(res, reason, error.status, graphqlError(error.message, ErrorCode.BAD_REQUEST));
        }
        throw error;
      }
    }

    const oversized = queryTooLarge(method, search, body, deps.config.limits.maxQueryBytes);
    if (oversized) return refuse(res, "query_too_large", 400, graphqlError(oversized, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED));
    const badHash = badPersistedHash(method, search, body);
    if (badHash) return refuse(res, "bad_body", 400, graphqlError(badHash, ErrorCode.BAD_REQUEST));

    let faults: RequestedFaults | undefined;
    const faultHeader = simulated ? headers.get(SIMULATE_FAULT_HEADER) : undefined;
    if (faultHeader !== undefined) {
      const parsed = parseSimulatedFaults(faultHeader, providers);
      if ("problem" in parsed) return refuse(res, "bad_fault_header", 400, graphqlError(parsed.problem, ErrorCode.BAD_REQUEST));
      faults = parsed.faults;
    }

    // The one cost to requests without the header: this lookup.
    const key = headers.get(IDEMPOTENCY_KEY_HEADER);
    const keyed = key === undefined ? undefined : options.idempotency.begin(key, headers);
    const request = {
      httpGraphQLRequest: { method, headers, search, body },
      context: async () =>
        createContext(deps, { headers, requestId, callerAuthenticated: caller.authenticated, trace, faults, idempotency: keyed }),
    };
    const result = keyed
      ? await keyed.run(() => apollo.executeHTTPGraphQLRequest(request))
      : await apollo.executeHTTPGraphQLRequest(request);

    result.headers.forEach((value, name) => res.setHeader(name, value));
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      if (res.statusCode !== 200) countApolloRefusal(res.statusCode, result.body.string);
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  // Refused before GraphQL ran: counted by reason, and logged at debug (LOG_LEVEL=debug shows them;
  // at info a scanner or a misconfigured client would flood the log).
  function noteRefusal(reason: RefusalReason, status: number) {
    options.metrics.refusedRequests.inc({ reason });
    deps.logger.debug({ reason, status }, "request refused before GraphQL");
  }

  function refuse(res: ServerResponse, reason: RefusalReason, status: number, body: unknown) {
    noteRefusal(reason, status);
    sendJson(res, status, body);
  }

  // Apollo's own refusals before execution: CSRF prevention and a GET with a body type (415).
  function countApolloRefusal(status: number, body: string) {
    if (status === 415) noteRefusal("unsupported_media_type", status);
    else if (status === 400 && body.includes(CSRF_REFUSAL)) noteRefusal("csrf", status);
  }

  return {
    server,
    async drain(graceMs) {
      draining = true;
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const started = Date.now();
        await new Promise<void>(resolve => {
          idle = resolve;
          // A request a kept-alive connection sent just as the drain began gets the whole grace too.
          const wait = () => {
            const left = Math.max(started, lastAdmitted) + graceMs - Date.now();
            if (left <= 0) resolve();
            else setTimeout(wait, left).unref();
          };
          wait();
        });
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

function graphqlError(message: string, code: ErrorCode | ApolloServerErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
