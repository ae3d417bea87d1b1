import { createRequire } from "node:module";
import type * as Undici from "undici";

// The two parts of undici this transport uses, required by path: undici's index also loads its
// whole web stack (fetch, WebSocket, cache stores, mocks), which touches globalThis.File and
// Headers and so loads Node's own bundled copy of undici too, for 2.5 MB of RSS and 70-90 ms of
// start-up. undici has no exports map; its version is pinned, and a moved file fails at start.
const require = createRequire(import.meta.url);
const UndiciAgent: typeof Undici.Agent = require("undici/lib/dispatcher/agent.js");
const undiciErrors: typeof Undici.errors = require("undici/lib/core/errors.js");

/** One HTTP attempt, already authorised and serialised by the REST client. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Time left for this attempt (the operation's deadline minus time spent). */
  timeoutMs: number;
}

/** The raw answer of one attempt; bodies are text, decoding is the REST client's job. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Why an attempt produced no HTTP response. */
export class TransportError extends Error {
  constructor(
    readonly kind: "timeout" | "network" | "too-large",
    /** A short reason without URL or headers, e.g. `ECONNREFUSED`. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = "TransportError";
  }
}

/**
 * Sends one HTTP attempt. Retries, deadlines across attempts, auth and error mapping live in
 * `RestClient`; a transport only moves bytes. Create one per process (it owns the keep-alive pools).
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Close pooled sockets (on shutdown). */
  close(): void;
}

/**
 * Keep-alive connections each transport holds open to one provider at most: every call to a
 * provider beyond this many in flight waits for one to be free.
 */
export const MAX_CONNECTIONS_PER_ORIGIN = 256;

/** Options shared by every transport. */
export interface TransportOptions {
  /** Response bodies larger than this are rejected (`too-large`). */
  maxResponseBytes: number;
}

/**
 * The undici transport: the same contract as {@link createGotTransport} with a lighter client (no
 * options normalisation per call, pooled keep-alive connections per origin). Redirects are not
 * followed; the per-attempt deadline aborts the request; bodies over the cap are cut off.
 *
 * It uses undici's dispatcher with a handler of its own rather than `undici.request`: the answer is
 * gathered from callbacks instead of a Readable stream and its async iterator, which halves the
 * client's CPU per call (≈50 → ≈25 µs measured in-process; see docs/performance.md).
 */
export function createUndiciTransport(options: TransportOptions): Transport {
  const dispatcher = new UndiciAgent({
    keepAliveTimeout: 10_000,
    connections: MAX_CONNECTIONS_PER_ORIGIN,
    pipelining: 1,
  });
  const { maxResponseBytes } = options;
  return {
    send(request) {
      // undici's own timers bound the attempt (no AbortSignal and timer allocated per call): the
      // headers within the time left, then each body chunk within it, and the whole body by the
      // deadline (checked as chunks arrive).
      const timeoutMs = Math.max(1, Math.floor(request.timeoutMs));
      const deadline = Date.now() + timeoutMs;
      const { url } = request;
      const pathStart = url.indexOf("/", url.indexOf("//") + 2);
      return new Promise<TransportResponse>((resolve, reject) => {
        let status = 0;
        let headers: TransportResponse["headers"] = {};
        const chunks: Buffer[] = [];
        let size = 0;
        let failure: TransportError | undefined;
        const handler: Undici.Dispatcher.DispatchHandler = {
          // Its presence is how undici tells this callback style from the legacy one.
          onRequestStart() {},
          onResponseStart(controller, statusCode, responseHeaders) {
            status = statusCode;
            headers = responseHeaders;
            const declared = Number(responseHeaders["content-length"]);
            if (Number.isFinite(declared) && declared > maxResponseBytes) {
              failure = new TransportError("too-large", `response over ${maxResponseBytes} bytes`);
              controller.abort(failure);
            }
          },
          onResponseData(controller, chunk) {
            if (Date.now() > deadline) {
              failure = new TransportError("timeout", "timed out");
              return controller.abort(failure);
            }
            size += chunk.length;
            if (size > maxResponseBytes) {
              failure = new TransportError("too-large", `response over ${maxResponseBytes} bytes`);
              return controller.abort(failure);
            }
            chunks.push(chunk);
          },
          onResponseEnd() {
            const body = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
            resolve({ status, headers, body });
          },
          onResponseError(_controller, error) {
            reject(failure ?? fromUndiciError(error));
          },
        };
        try {
          dispatcher.dispatch(
            {
              origin: pathStart < 0 ? url : url.slice(0, pathStart),
              path: pathStart < 0 ? "/" : url.slice(pathStart),
              method: request.method as Undici.Dispatcher.HttpMethod,
              headers: request.headers,
              body: request.body,
              headersTimeout: timeoutMs,
              bodyTimeout: timeoutMs,
            },
            handler,
          );
        } catch (error) {
          reject(fromUndiciError(error));
        }
      });
    },
    close() {
      void dispatcher.close();
    },
  };
}

function fromUndiciError(error: unknown): TransportError {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new TransportError("timeout", "timed out");
  }
  const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return new TransportError("network", code ?? (error as Error)?.name ?? "unknown error");
}
