import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type GraphQLError } from "graphql";
import { DIFFIO } from "../../src/providers/diffio/diffio.facts.js";
import { RestClient, type ProviderProfile } from "../../src/rest/rest-client.js";
import { parseRetryAfter } from "../../src/rest/retry-policy.js";
import { createGotTransport } from "../../src/rest/got-transport.js";
import { createUndiciTransport, type Transport } from "../../src/rest/transport.js";
import { UpstreamRecorder } from "../../src/rest/upstream-recorder.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let hits = 0;
let server: Server;
let baseUrl: string;
let transport: Transport;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

const profile: ProviderProfile = {
  provider: DIFFIO,
  parseProblem: (_status, body) => ({ message: (body as { error?: string })?.error }),
};

function client(options: { timeoutMs?: number; credential?: string; url?: string } = {}) {
  const recorder = new UpstreamRecorder();
  const rest = new RestClient({
    profile,
    baseUrl: options.url ?? baseUrl,
    credential: options.credential ?? "key-123456",
    transport,
    timeoutMs: options.timeoutMs ?? 2000,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 1000 },
    recorder,
  });
  return { rest, recorder };
}

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => undefined, e => e)) as GraphQLError | undefined;
  if (!error) throw new Error("expected a failure");
  return { message: error.message, ...error.extensions };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

describe.each([
  ["got", createGotTransport],
  ["undici", createUndiciTransport],
])("RestClient over %s", (_name, createTransport) => {
  beforeAll(() => {
    transport = createTransport({ maxResponseBytes: 64 * 1024 });
  });
  afterAll(() => transport.close());

  it("sends JSON with the bearer credential and records the call", async () => {
    let seen: IncomingMessage | undefined;
    let body = "";
    handler = (req, res) => {
      seen = req;
      req.on("data", c => (body += c));
      req.on("end", () => json(200, { ok: true })(req, res));
    };
    const { rest, recorder } = client();
    await expect(rest.request({ method: "POST", path: "/v1/x", body: { a: 1 }, read: true, query: { p: "q", skip: undefined } })).resolves.toEqual({ ok: true });
    expect(seen!.url).toBe("/v1/x?p=q");
    expect(seen!.headers.authorization).toBe("Bearer key-123456");
    expect(seen!.headers["content-type"]).toBe("application/json");
    expect(body).toBe('{"a":1}');
    expect(recorder.calls).toEqual([
      expect.objectContaining({ provider: "DIFFIO", method: "POST", path: "/v1/x", status: 200, attempts: 1, outcome: "ok" }),
    ]);
  });

  it("makes no call without a credential", async () => {
    hits = 0;
    const { rest } = client({ credential: "" });
    expect(await failure(rest.request({ method: "GET", path: "/", read: true }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(hits).toBe(0);
  });

  it("retries a read on 502 but never a write", async () => {
    handler = json(502, { error: "bad gateway" });
    hits = 0;
    const { rest, recorder } = client();
    expect(await failure(rest.request({ method: "GET", path: "/r", read: true }))).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 502 });
    expect(hits).toBe(3);
    expect(recorder.calls[0]).toMatchObject({ attempts: 3, outcome: "UPSTREAM_ERROR" });
    hits = 0;
    expect(await failure(rest.request({ method: "POST", path: "/w", read: false }))).toMatchObject({ code: "UPSTREAM_ERROR" });
    expect(hits).toBe(1);
  });

  it("does not retry a 4xx", async () => {
    handler = json(404, { error: "no such thing" });
    hits = 0;
    const { rest } = client();
    expect(await failure(rest.request({ method: "GET", path: "/r", read: true }))).toMatchObject({ code: "NOT_FOUND", upstreamStatus: 404, retryable: false });
    expect(hits).toBe(1);
  });

  it("turns a refused connection into UPSTREAM_ERROR", async () => {
    const { rest } = client({ url: "http://127.0.0.1:1" });
    expect(await failure(rest.request({ method: "GET", path: "/", read: false }))).toMatchObject({
      code: "UPSTREAM_ERROR",
      upstreamStatus: null,
      retryable: true,
      message: "Diffio refused the connection.",
    });
  });

  it.each<[string, Handler, string]>([
    ["malformed JSON", (_q, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end("{nope"); }, "malformed JSON"],
    ["a wrong content type", (_q, res) => { res.writeHead(200, { "content-type": "text/plain" }); res.end("hello"); }, "content type text/plain"],
    ["an oversized body", (_q, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ pad: "x".repeat(100 * 1024) })); }, "response over"],
  ])("turns %s into UPSTREAM_ERROR, not retryable and not retried", async (_name, h, reason) => {
    let calls = 0;
    handler = (q, res) => {
      calls += 1;
      h(q, res);
    };
    const { rest } = client();
    const error = await failure(rest.request({ method: "GET", path: "/", read: true }));
    expect(error).toMatchObject({ code: "UPSTREAM_ERROR", retryable: false });
    expect(error.message).toContain(reason);
    // A body that cannot be read is the provider's answer, not a passing failure: asked once.
    expect(calls).toBe(1);
  });

  it("cuts off an oversized body sent without a length (chunked)", async () => {
    handler = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < 100; i++) res.write(`"${"x".repeat(1024)}",`);
      res.end();
    };
    const { rest } = client();
    const error = await failure(rest.request({ method: "GET", path: "/", read: false }));
    expect(error).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 200 });
    expect(error.message).toContain("response over 65536 bytes");
  });

  it("times out a body that trickles in past the deadline", async () => {
    handler = (_q, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      const timer = setInterval(() => res.write("1,"), 50);
      res.on("close", () => clearInterval(timer));
    };
    const { rest } = client({ timeoutMs: 300 });
    // It never ends by itself and stays under the size cap for minutes: only the deadline stops it.
    expect(await failure(rest.request({ method: "GET", path: "/", read: false }))).toMatchObject({ code: "UPSTREAM_TIMEOUT" });
  });

  it("turns an HTML error page into UPSTREAM_ERROR with its status", async () => {
    handler = (_q, res) => { res.writeHead(502, { "content-type": "text/html" }); res.end("<html>Bad Gateway</html>"); };
    const { rest } = client();
    expect(await failure(rest.request({ method: "GET", path: "/", read: false }))).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 502 });
  });

  it("does not follow a redirect", async () => {
    handler = (_q, res) => { res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }); res.end(); };
    hits = 0;
    const { rest } = client();
    expect(await failure(rest.request({ method: "GET", path: "/", read: true }))).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 302, retryable: false });
    expect(hits).toBe(1);
  });

  it("keeps the deadline across attempts", async () => {
    handler = () => undefined; // never answers
    const { rest, recorder } = client({ timeoutMs: 200 });
    hits = 0;
    expect(await failure(rest.request({ method: "GET", path: "/", read: true }))).toMatchObject({ code: "UPSTREAM_TIMEOUT", retryable: true });
    // One deadline for the whole operation: the first attempt used it up, so no second attempt
    // started (a per-attempt timeout would have made three).
    expect(hits).toBe(1);
    expect(recorder.toJSON()).toEqual([expect.objectContaining({ attempts: 1, outcome: "UPSTREAM_TIMEOUT" })]);
  });

  it("redacts the credential from provider messages", async () => {
    handler = json(401, { error: "key key-123456 is not valid" });
    const { rest } = client();
    const error = await failure(rest.request({ method: "GET", path: "/", read: false }));
    expect(error.message).toBe("Diffio rejected the credential (HTTP 401): key [REDACTED] is not valid");
  });

  it("takes the request id from X-Request-Id", async () => {
    handler = json(409, { error: "conflict" }, { "x-request-id": "req_42" });
    const { rest } = client();
    expect(await failure(rest.request({ method: "GET", path: "/", read: false }))).toMatchObject({ code: "CONFLICT", upstreamRequestId: "req_42" });
  });

  it("keeps X-Request-Id on an unreadable 200, redacted like the rest of the provider's text", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_key-123456" });
      res.end("{nope");
    };
    const { rest } = client();
    const seen = await failure(rest.request({ method: "GET", path: "/", read: false }));
    expect(seen).toMatchObject({ code: "UPSTREAM_ERROR", upstreamRequestId: "req_[REDACTED]" });
    expect(JSON.stringify(seen)).not.toContain("key-123456");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter("Wed, 02 Dec 2026 00:00:10 GMT", Date.parse("2026-12-02T00:00:00Z"))).toBe(10);
    expect(parseRetryAfter("Wed, 02 Dec 2026 00:00:10 GMT", Date.parse("2026-12-02T00:00:09.5Z"))).toBe(1);
    expect(parseRetryAfter("Wed, 02 Dec 2026 00:00:10 GMT", Date.parse("2026-12-02T00:01:00Z"))).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
