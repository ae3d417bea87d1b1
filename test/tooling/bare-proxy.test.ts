import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";

// The benchmark's bare proxy keeps its upstream connections alive. An upstream that closes one
// just as the proxy reuses it (an idle connection at the upstream's keep-alive timeout) must cost
// a second try on a new connection, not a 502 counted against the proxy.

const SETTINGS = JSON.stringify({ apiKeyId: "key_1", account: { userId: "user_1", billingPolicy: { type: "customerStripe" } } });

let upstream: Server;
let proxy: ChildProcess;
let proxyPort: number;
// Each upstream connection's count of requests; its second is cut off without an answer.
const served = new Map<Socket, number>();
let connections = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const seen = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, seen);
    req.resume();
    req.on("end", () => {
      if (seen === 2) return req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end(SETTINGS);
    });
  });
  upstream.on("connection", () => (connections += 1));
  await new Promise<void>(resolve => upstream.listen(0, "127.0.0.1", resolve));
  const entry = new URL("../../build-tools/tools/bare-proxy.js", import.meta.url);
  proxy = spawn(process.execPath, [entry.pathname], {
    env: { PATH: process.env.PATH ?? "", UPSTREAM_BASE_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>(resolve => proxy.stdout!.once("data", chunk => resolve(String(chunk))));
  proxyPort = (JSON.parse(line) as { port: number }).port;
});

afterAll(async () => {
  proxy.kill();
  await new Promise(resolve => upstream.close(resolve));
});

const ask = async () => {
  const response = await fetch(`http://127.0.0.1:${proxyPort}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-diffio-api-key": "key" },
    body: "{}",
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("the bench's bare proxy", () => {
  it("sends a request again on a new connection when a reused one is reset", async () => {
    const answer = { status: 200, body: { data: { account: { id: "user_1", billingPolicy: { type: "customerStripe" } } } } };
    expect(await ask()).toEqual(answer);
    // Reuses the first connection, which the upstream cuts off; answered over a second one.
    expect(await ask()).toEqual(answer);
    expect(connections).toBe(2);
  });
});
