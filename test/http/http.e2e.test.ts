import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Transport } from "../../src/rest/transport.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

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
  });

  it("serves queries over GET when a CSRF-safe header is present, and refuses them otherwise", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { account: { id: "user_demo_1" } } });
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
    expect((await bad.json()).errors[0].message).toMatch(/not valid JSON/);
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
  const exploding: Transport = {
    send: () => Promise.reject(new Error("boom at http://10.0.0.1/internal?token=s3cr3t")),
    close: () => undefined,
  };

  it("hide their internals in production", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" }, { transport: exploding });
    try {
      const { body } = await prod.gql(QUERY);
      expect(body.errors?.[0]).toEqual({
        message: "Internal server error.",
        locations: [{ line: 1, column: 3 }],
        path: ["account"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(prod.logs.text).toContain("unexpected error while resolving");
    } finally {
      await prod.stop();
    }
  });

  it("keep their message but no stack trace in development", async () => {
    const dev = await startTestServer({}, { transport: exploding });
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
