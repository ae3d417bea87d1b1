import { Agent as UndiciAgent, errors as undiciErrors, request as undiciRequest } from "undici";

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

/** Options shared by every transport. */
export interface TransportOptions {
  /** Response bodies larger than this are rejected (`too-large`). */
  maxResponseBytes: number;
}

/**
 * The undici transport: the same contract as {@link createGotTransport} with a lighter client (no
 * options normalisation per call, pooled keep-alive connections per origin). Redirects are not
 * followed; the per-attempt deadline aborts the request; bodies over the cap are cut off.
 */
export function createUndiciTransport(options: TransportOptions): Transport {
  const dispatcher = new UndiciAgent({ keepAliveTimeout: 10_000, connections: 256, pipelining: 1 });
  return {
    async send(request) {
      // undici's own timers bound the attempt (no AbortSignal and timer allocated per call): the
      // headers within the time left, then the body within the time left after that.
      const started = Date.now();
      const timeoutMs = Math.max(1, Math.floor(request.timeoutMs));
      const deadline = started + timeoutMs;
      try {
        const response = await undiciRequest(request.url, {
          method: request.method as "GET",
          headers: request.headers,
          body: request.body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          dispatcher,
        });
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
          response.body.destroy();
          throw new TransportError("too-large", `response over ${options.maxResponseBytes} bytes`);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of response.body) {
          if (Date.now() > deadline) {
            response.body.destroy();
            throw new TransportError("timeout", "timed out");
          }
          size += (chunk as Buffer).length;
          if (size > options.maxResponseBytes) {
            response.body.destroy();
            throw new TransportError("too-large", `response over ${options.maxResponseBytes} bytes`);
          }
          chunks.push(chunk as Buffer);
        }
        return {
          status: response.statusCode,
          headers: response.headers,
          body: chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"),
        };
      } catch (error) {
        if (error instanceof TransportError) throw error;
        throw fromUndiciError(error);
      }
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
