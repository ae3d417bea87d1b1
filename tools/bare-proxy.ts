import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";

/**
 * Bare proxy: the floor account-graph is compared against in the benchmark. For every
 * `POST /graphql` it makes the same upstream hop as `account(provider: DIFFIO)` —
 * `POST {DIFFIO_BASE_URL}/v1/account/settings/get`, body `{}`, `Authorization: Bearer <X-Diffio-Api-Key>`
 * — over a keep-alive agent, and answers `{"data":{"account":{id, billingPolicy}}}` from the
 * upstream body. No GraphQL, validation, retries or logging: only socket → upstream → socket.
 *
 * Config: DIFFIO_BASE_URL (required), PORT (default 0 = any free port), HOST (default 127.0.0.1).
 * Prints one JSON line `{"port": N}` once listening; stops on SIGTERM/SIGINT or when stdin closes.
 */
const base = new URL(process.env.DIFFIO_BASE_URL ?? "");
const settingsPath = `${base.pathname.replace(/\/+$/, "")}/v1/account/settings/get`;
// Same pool settings as account-graph's got transport, so the comparison is about the code path.
const agent = new Agent({ keepAlive: true, maxSockets: 256, scheduling: "lifo" });

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, { error: "Not found." });
  // The request body must be consumed for keep-alive to work; its content is not needed.
  req.resume();
  req.on("end", () => forward(req, res));
});

function forward(req: IncomingMessage, res: ServerResponse) {
  const key = req.headers["x-diffio-api-key"];
  const upstream = request(
    {
      agent,
      host: base.hostname,
      port: base.port,
      method: "POST",
      path: settingsPath,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": 2 },
    },
    up => {
      const chunks: Buffer[] = [];
      up.on("data", (chunk: Buffer) => chunks.push(chunk));
      up.on("end", () => {
        if (up.statusCode !== 200) return send(res, 502, upstreamError(`upstream status ${up.statusCode}`));
        try {
          const { account } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          send(res, 200, { data: { account: { id: account.userId, billingPolicy: { type: account.billingPolicy.type } } } });
        } catch {
          send(res, 502, upstreamError("unreadable upstream body"));
        }
      });
    },
  );
  upstream.on("error", error => send(res, 502, upstreamError(error.message)));
  upstream.end("{}");
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
