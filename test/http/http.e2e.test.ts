import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { explodingTransport, startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const QUERY = "{ account(provider: DIFFIO) { id } }";

describe("HTTP surface", () => {
  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers 404 elsewhere", async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
  });

  it("shows the Apollo Sandbox landing page to a browser GET in development", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/sandbox/i);
    expect(html).toContain("embeddable-sandbox");
    // The example operation and each provider's demo key header, pre-filled.
    expect(html).toContain("query AllAccounts");
    for (const header of ["X-Diffio-Api-Key", "X-Hostup-Api-Key", "X-Cudo-Api-Key", "X-Depicta-Api-Key"]) {
      expect(html).toContain(header);
    }
    expect(html).toContain(DIFFIO_DEMO_KEYS.admin);
  });

  it("shows no Sandbox and no demo keys in production", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" });
    try {
      const html = await (await fetch(`${prod.url}/graphql`, { headers: { accept: "text/html" } })).text();
      expect(html).not.toContain("embeddable-sandbox");
      expect(html).not.toContain(DIFFIO_DEMO_KEYS.admin);
      const introspection = await prod.gql("{ __schema { types { name } } }");
      expect(introspection.status).toBe(400);
    } finally {
      await prod.stop();
    }
  });

  it("tells callers in words why a provider could not be reached, and keeps the client's code in the log", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", UPSTREAM_RETRY_ATTEMPTS: "1" });
    try {
      prod.sims.diffio.control.failNext({ kind: "reset" });
      const { body } = await prod.gql(QUERY, {}, { "X-Diffio-Api-Key": DIFFIO_DEMO_KEYS.admin });
      const error = body.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "DIFFIO" });
      expect(error?.message).toBe("Diffio closed the connection before answering.");
      expect(error?.message).not.toMatch(/UND_ERR|E[A-Z]{4,}/);
      const logged = prod.logs.lines.map(line => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(
        expect.objectContaining({ msg: "upstream call failed", provider: "DIFFIO", reason: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) }),
      );
    } finally {
      await prod.stop();
    }
  });

  it("serves queries over GET when a CSRF-safe header is present, and refuses them otherwise", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { data: unknown }).data).toEqual({ account: { id: "user_demo_1" } });
    expect(allowed.headers.get("cache-control")).toBe("max-age=10, private");
    expect(allowed.headers.get("vary")).toContain("x-diffio-api-key");
  });

  it("refuses mutations over GET", async () => {
    const mutation = 'mutation { updateBillingPolicy(input: {type: CUSTOMER_STRIPE}) { id } }';
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(405);
  });

  it("refuses a cross-site simple POST (CSRF prevention)", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(400);
  });

  it("answers 400 for malformed JSON and 413 for an oversized body", async () => {
    const bad = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/not valid JSON/);
    const big = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { pad: "x".repeat(2 * 1024 * 1024) } }),
    });
    expect(big.status).toBe(413);
  });

  it("returns the caller's x-request-id, or a new one", async () => {
    const given = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-abc-123" },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(given.headers.get("x-request-id")).toBe("req-abc-123");
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives GRAPHQL_VALIDATION_FAILED for an unknown field with zero upstream calls", async () => {
    server.resetSims();
    const { status, body } = await server.gql("{ account(provider: DIFFIO) { nope } }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(server.sims.diffio.control.count()).toBe(0);
  });
});

describe("unexpected errors", () => {
  it("hide their internals in production", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" }, { transport: explodingTransport });
    try {
      const { body } = await prod.gql(QUERY);
      expect(body.errors?.[0]).toEqual({
        message: "Internal server error.",
        locations: [{ line: 1, column: 3 }],
        path: ["account"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(prod.logs.text).toContain("unexpected error while resolving");
      // Logged for the operator, with the credential-shaped part of the message redacted.
      expect(prod.logs.text).toContain("internal?token=[REDACTED]");
      expect(prod.logs.text).not.toContain("s3cr3t");
    } finally {
      await prod.stop();
    }
  });

  it("keep their message but no stack trace in development", async () => {
    const dev = await startTestServer({}, { transport: explodingTransport });
    try {
      const { body } = await dev.gql(QUERY);
      expect(body.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
      expect(body.errors?.[0]?.message).toContain("boom");
    } finally {
      await dev.stop();
    }
  });
});

describe("API_TOKENS", () => {
  it("admits only callers with one of the tokens", async () => {
    const guarded = await startTestServer({ API_TOKENS: "tok-one,tok-two" });
    try {
      const none = await guarded.gql(QUERY);
      expect(none.status).toBe(401);
      expect(none.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const wrong = await guarded.gql(QUERY, {}, { authorization: "Bearer tok-three" });
      expect(wrong.status).toBe(401);
      const right = await guarded.gql(QUERY, {}, { authorization: "Bearer tok-two" });
      expect(right.status).toBe(200);
      expect(right.body.data).toEqual({ account: { id: "user_demo_1" } });
      expect(guarded.sims.diffio.control.count()).toBe(1);
    } finally {
      await guarded.stop();
    }
  });
});

describe("operators and developers", () => {
  it("show the upstream calls in development, with loader hits marked", async () => {
    server.resetSims();
    const { body } = await server.gql("{ a: account(provider: DIFFIO) { id } b: account(provider: DIFFIO) { id } }");
    const calls = body.extensions?.upstreamCalls as Record<string, unknown>[];
    expect(calls).toEqual([
      expect.objectContaining({ provider: "DIFFIO", method: "POST", path: "/v1/account/settings/get", status: 200, attempts: 1, fromLoader: false }),
      { provider: "DIFFIO", method: "POST", path: "/v1/account/settings/get", fromLoader: true },
    ]);
    expect(server.sims.diffio.control.count()).toBe(1);
    expect(JSON.stringify(calls)).not.toMatch(/127\.0\.0\.1|Bearer|diffio_live/);
  });

  it("hide them in production, and show them to token holders when INSPECT_UPSTREAM=true", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", API_TOKENS: "tok", INSPECT_UPSTREAM: "true" });
    try {
      const auth = { authorization: "Bearer tok" };
      const shown = await prod.gql(QUERY, {}, auth);
      expect(shown.body.extensions?.upstreamCalls).toHaveLength(1);
      const plain = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", API_TOKENS: "tok" });
      try {
        const hidden = await plain.gql(QUERY, {}, auth);
        expect(hidden.body.data).toEqual({ account: { id: "user_demo_1" } });
        expect(hidden.body.extensions).toBeUndefined();
      } finally {
        await plain.stop();
      }
    } finally {
      await prod.stop();
    }
  });

  it("count requests and upstream calls at /metrics", async () => {
    await server.gql("query MetricsProbe { account(provider: DIFFIO) { id } }");
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/account_graph_requests_total\{operation="MetricsProbe",outcome="ok"\} 1/);
    expect(text).toMatch(/account_graph_upstream_calls_total\{provider="DIFFIO",status="200",outcome="ok"\} \d+/);
    expect(text).toContain("account_graph_request_duration_seconds_bucket");
    expect(text).toMatch(/account_graph_cache_hits_total\{cache="loader"\} [1-9]/);
    expect(text).toMatch(/account_graph_circuit_state\{provider="CUDO"\} 0/);
  });

  it("parse and validate a repeated operation once, each repeat one `document` cache hit", async () => {
    const query = "query DocumentCacheProbe { account(provider: DIFFIO) { id } }";
    const hits = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const count = (cache: string) => Number(new RegExp(`account_graph_cache_hits_total\\{cache="${cache}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      return count("document");
    };
    expect((await server.gql(query)).body.errors).toBeUndefined();
    const before = await hits();
    for (let i = 0; i < 4; i++) expect((await server.gql(query)).body.errors).toBeUndefined();
    const after = await hits();
    expect(after - before).toBe(4);
  });

  it("log one line per request with its id, operation, duration and upstream call count", async () => {
    await server.gql("query LogProbe { account(provider: DIFFIO) { id } }", {}, { "x-request-id": "log-probe-1" });
    const line = server.logs.lines.map(l => JSON.parse(l) as Record<string, unknown>).find(l => l.requestId === "log-probe-1");
    expect(line).toMatchObject({ msg: "graphql request", operationName: "LogProbe", upstreamCalls: 1 });
    expect(typeof line?.durationMs).toBe("number");
    // A clean answer made by a provider call carries neither error codes nor cached reads.
    expect(line).not.toHaveProperty("errorCodes");
    expect(line).not.toHaveProperty("cachedReads");
  });

  it("log error codes once each, in order", async () => {
    await server.gql("query LogErrors { a: account(provider: CUDO, id: \"nope-1\") { id } b: account(provider: CUDO, id: \"nope-2\") { id } }", {}, { "x-request-id": "log-probe-2" });
    const line = server.logs.lines.map(l => JSON.parse(l) as Record<string, unknown>).find(l => l.requestId === "log-probe-2");
    expect(line?.errorCodes).toEqual(["NOT_FOUND"]);
  });

  it("send a federated trace (ftv1) only when the router asks for one", async () => {
    const traced = await server.gql(QUERY, {}, { "apollo-federation-include-trace": "ftv1" });
    expect(typeof (traced.body.extensions as { ftv1?: unknown } | undefined)?.ftv1).toBe("string");
    const plain = await server.gql(QUERY);
    expect((plain.body.extensions as { ftv1?: unknown } | undefined)?.ftv1).toBeUndefined();
    expect(plain.body.data).toEqual(traced.body.data);
  });
});

describe("CORS", () => {
  it("allows Sandbox's origin in development and nobody else", async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-diffio-api-key" },
      });
    const sandbox = await preflight("https://studio.apollographql.com");
    expect(sandbox.status).toBe(204);
    expect(sandbox.headers.get("access-control-allow-origin")).toBe("https://studio.apollographql.com");
    expect(sandbox.headers.get("access-control-allow-headers")).toContain("x-diffio-api-key");
    const evil = await preflight("https://evil.example");
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows the origins in CORS_ORIGINS in production", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", CORS_ORIGINS: "https://app.example.com" });
    try {
      const ok = await fetch(`${prod.url}/graphql`, {
        method: "POST",
        headers: { origin: "https://app.example.com", "content-type": "application/json" },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
      // The answer depends on Origin (and still on the credentials): a cache must key on both.
      const vary = (ok.headers.get("vary") ?? "").split(/,\s*/);
      expect(vary).toEqual(expect.arrayContaining(["origin", "authorization", "x-diffio-api-key"]));
      const sandbox = await fetch(`${prod.url}/graphql`, { method: "OPTIONS", headers: { origin: "https://studio.apollographql.com" } });
      expect(sandbox.status).toBe(403);
    } finally {
      await prod.stop();
    }
  });
});
