import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import got, { type Got, RequestError } from "got";
import { MAX_CONNECTIONS_PER_ORIGIN, TransportError, type Transport, type TransportOptions } from "./transport.js";

/**
 * The `got` transport: keep-alive agents shared by all calls, no got-level retries (the REST
 * client retries reads only), no redirects (a 3xx from an API is an error, not a hop).
 */
export function createGotTransport(options: TransportOptions): Transport {
  const agent = {
    http: new HttpAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS_PER_ORIGIN, scheduling: "lifo" }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_CONNECTIONS_PER_ORIGIN, scheduling: "lifo" }),
  };
  const client: Got = got.extend({
    agent,
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: "text",
    decompress: true,
  });

  return {
    async send(request) {
      const call = client(request.url, {
        method: request.method as "GET",
        headers: request.headers,
        body: request.body,
        timeout: { request: Math.max(1, Math.floor(request.timeoutMs)) },
      });
      let tooLarge = false;
      call.on("downloadProgress", progress => {
        if (progress.transferred > options.maxResponseBytes && !tooLarge) {
          tooLarge = true;
          call.cancel();
        }
      });
      try {
        const response = await call;
        return { status: response.statusCode, headers: response.headers, body: response.body };
      } catch (error) {
        if (tooLarge) {
          throw new TransportError("too-large", `response over ${options.maxResponseBytes} bytes`);
        }
        throw toTransportError(error);
      }
    },
    close() {
      agent.http.destroy();
      agent.https.destroy();
    },
  };
}

function toTransportError(error: unknown): TransportError {
  if (error instanceof RequestError) {
    if (error.name === "TimeoutError" || error.code === "ETIMEDOUT") {
      return new TransportError("timeout", "timed out");
    }
    return new TransportError("network", error.code || error.name);
  }
  return new TransportError("network", (error as Error)?.name ?? "unknown error");
}
