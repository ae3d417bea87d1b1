import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { BENCH_READ } from "./scenarios.js";

/**
 * Bare proxy: the floor account-graph is compared against in the benchmark. For every
 * `POST /graphql` it makes the same upstream hop as the bench's read (`BENCH_READ` in
 * `scenarios.ts`): its method, `{UPSTREAM_BASE_URL}` + its path, its body and the caller's key
 * from its credential header as `Authorization` — over a keep-alive agent, and answers
 * `{"data":{"account":{id, billingPolicy}}}` from the upstream body. No GraphQL, validation,
 * retries or logging: only socket → upstream → socket.
 *
 * Config: UPSTREAM_BASE_URL (required: the scenario provider's simulator), PORT (default 0 = any
 * free port), HOST (default 127.0.0.1).
 * Prints one JSON line `{"port": N}` once listening; stops on SIGTERM/SIGINT or when stdin closes.
 */
const { upstream: call } = BENCH_READ;
const base = new URL(process.env.UPSTREAM_BASE_URL ?? "");
const upstreamPath = `${base.pathname.replace(/\/+$/, "")}${call.path}`;
const bodyLength = Buffer.byteLength(call.body);
// Same pool settings as account-graph's got transport, so the comparison is about the code path.
const agent = new Agent({ keepAlive: true, maxSockets: 256, scheduling: "lifo" });

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, { error: "Not found." });
  // The request body must be consumed for keep-alive to work; its content is not needed.
  req.resume();
  req.on("end", () => forward(req, res));
});

function forward(req: IncomingMessage, res: ServerResponse, retried = false) {
  const key = req.headers[call.credentialHeader];
  const upstream = request(
    {
      agent,
      host: base.hostname,
      port: base.port,
      method: call.method,
      path: upstreamPath,
      headers: { authorization: call.authorization(key), "content-type": "application/json", "content-length": bodyLength },
    },
    up => {
      const chunks: Buffer[] = [];
      up.on("data", (chunk: Buffer) => chunks.push(chunk));
      up.on("end", () => {
        if (up.statusCode !== 200) return send(res, 502, upstreamError(`upstream status ${up.statusCode}`));
        try {
          const account = call.account(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          send(res, 200, { data: { account } });
        } catch {
          send(res, 502, upstreamError("unreadable upstream body"));
        }
      });
    },
  );
  upstream.on("error", (error: NodeJS.ErrnoException) => {
    // A kept-alive socket the upstream closed as it was reused (it idled about as long as the
    // upstream's keep-alive timeout): sent again once on a new one, as Node's http docs advise.
    if (!retried && upstream.reusedSocket && error.code === "ECONNRESET") return forward(req, res, true);
    send(res, 502, upstreamError(error.message));
  });
  upstream.end(call.body);
}

function upstreamError(message: string) {
  return { data: { account: null }, errors: [{ message, extensions: { code: "UPSTREAM_ERROR" } }] };
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
// The driver may die without signalling: stdin closing means it is gone, so stop too.
process.stdin.resume();
process.stdin.on("end", stop);
