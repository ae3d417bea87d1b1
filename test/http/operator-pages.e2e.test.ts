import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { INTROSPECTION_OFF } from "../../src/errors/format-error.js";
import { Provider, DEFAULT_DEMO_KEYS } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

describe("the development landing page", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("keeps Apollo Sandbox and, for when its CDN cannot load, says what this is with a curl example and the demo headers", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: BROWSER });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("embeddable-sandbox.cdn.apollographql.com");
    expect(html).toContain('id="embeddableSandbox"');
    expect(html).not.toContain("Apollo Sandbox cannot be loaded; it appears that you might be offline.");
    const fallback = /<div class="fallback"[\s\S]*?<\/div>/.exec(html)![0];
    expect(fallback).toContain("<h1>account-graph</h1>");
    expect(fallback).toContain(`curl ${server.url}/graphql`);
    expect(fallback).toContain(`X-Depicta-Api-Key: ${DEFAULT_DEMO_KEYS[Provider.DEPICTA]}`);
    expect(fallback).toContain("<code>operations/</code>");
  });
});

describe("in production", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", API_TOKENS: "tok-operator" });
  });
  afterAll(() => server.stop());
  const bearer = { authorization: "Bearer tok-operator" };

  it("gives a browser opening /graphql a page saying Sandbox is off and how to explore, not a CSRF error", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: BROWSER });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("Apollo Sandbox is off");
    expect(html).toContain("schema.graphql");
    expect(html).toContain("INTROSPECTION=true");
    expect(html).toContain("POST /graphql");
    expect(html).not.toContain("tok-operator");
  });

  it("names the INTROSPECTION setting when it refuses introspection", async () => {
    const { status, body } = await server.gql("{ __schema { queryType { name } } }", {}, bearer);
    expect(status).toBe(400);
    expect(body.errors?.map(e => [e.message, e.extensions?.code])).toEqual([[INTROSPECTION_OFF, "GRAPHQL_VALIDATION_FAILED"]]);
    expect(INTROSPECTION_OFF).toContain("INTROSPECTION=true");
    expect(INTROSPECTION_OFF).not.toContain("ApolloServer");
  });

  it("counts requests refused before GraphQL by reason in /metrics and logs them at debug", async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${server.url}/graphql`, { method: "POST", headers, body });
    const query = JSON.stringify({ query: "{ accounts { provider } }" });
    const json = { "content-type": "application/json" };
    expect((await post(json, query)).status).toBe(401);
    expect((await post({ ...json, ...bearer, accept: "application/xml" }, query)).status).toBe(406);
    expect((await post({ ...json, ...bearer }, "{ not json")).status).toBe(400);
    expect((await post({ ...json, ...bearer }, JSON.stringify({ query: "x".repeat(1024 * 1024 + 1) }))).status).toBe(413);
    expect((await post({ ...json, ...bearer }, JSON.stringify({ query: `{ __typename } # ${"x".repeat(70_000)}` }))).status).toBe(400);
    // No preflight-forcing header on a GET: Apollo's CSRF prevention refuses it.
    expect((await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers: bearer })).status).toBe(400);
    expect((await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { ...bearer, "content-type": "text/plain", "apollo-require-preflight": "true" },
    })).status).toBe(415);
    expect(await rawStatus(server.port, "/metrics")).toBe(401);

    const metrics = await (await fetch(`${server.url}/metrics`, { headers: bearer })).text();
    const refused = (reason: string) =>
      Number(new RegExp(`account_graph_refused_requests_total\\{reason="${reason}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
    expect({
      unauthenticated: refused("unauthenticated"),
      not_acceptable: refused("not_acceptable"),
      bad_body: refused("bad_body"),
      body_too_large: refused("body_too_large"),
      query_too_large: refused("query_too_large"),
      csrf: refused("csrf"),
      unsupported_media_type: refused("unsupported_media_type"),
    }).toEqual({ unauthenticated: 2, not_acceptable: 1, bad_body: 1, body_too_large: 1, query_too_large: 1, csrf: 1, unsupported_media_type: 1 });
    const logged = server.logs.lines
      .map(line => JSON.parse(line) as { msg?: string; reason?: string; level?: number })
      .filter(line => line.msg === "request refused before GraphQL");
    expect(logged.map(line => line.reason).sort()).toEqual(
      ["bad_body", "body_too_large", "csrf", "not_acceptable", "query_too_large", "unauthenticated", "unauthenticated", "unsupported_media_type"],
    );
    expect(new Set(logged.map(line => line.level))).toEqual(new Set([20]));
  });
});

// A GET without any credential, on a fresh connection.
function rawStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, res => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}
