import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sha256 } from "../../src/persisted/manifest.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/*
 * A hash alone names an operation only if Apollo's persisted-query store holds it: registered by
 * an APQ client (hash and text together), or listed in the manifest with PERSISTED_QUERIES=only.
 * Having seen the text as a plain query does not register it, on whichever path answers.
 */

type Body = { data?: unknown; errors?: { extensions?: { code?: string } }[] };

async function post(server: TestServer, payload: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

const byHash = (text: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } });
const code = (body: Body) => body.errors?.[0]?.extensions?.code;

describe("a hash-only request with automatic persisted queries", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("is PERSISTED_QUERY_NOT_FOUND for a text only ever sent as a plain query, however often", async () => {
    const text = "query PlainOnly { account(provider: DIFFIO) { id } }";
    // Twice: the second sighting is answered from Apollo's document cache.
    for (let i = 0; i < 2; i++) expect((await post(server, { query: text })).body.data).toEqual({ account: { id: "user_demo_1" } });
    for (let i = 0; i < 2; i++) {
      const answer = await post(server, byHash(text));
      expect(code(answer.body)).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(answer.body.data).toBeUndefined();
    }
  });

  it("is served once registered (hash and text together), however the text was seen before", async () => {
    const text = "query RegisteredLater { account(provider: DIFFIO) { id } }";
    await post(server, { query: text });
    await post(server, { query: text });
    expect(code((await post(server, byHash(text))).body)).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(server, { query: text, ...byHash(text) })).body.data).toEqual({ account: { id: "user_demo_1" } });
    for (let i = 0; i < 2; i++) expect((await post(server, byHash(text))).body.data).toEqual({ account: { id: "user_demo_1" } });
  });
});

describe("a hash-only request with trusted documents (PERSISTED_QUERIES=only)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PERSISTED_QUERIES: "only" });
  });
  afterAll(() => server.stop());

  it("is PERSISTED_QUERY_NOT_FOUND for a text outside the manifest, even one sent before", async () => {
    // Refused by text (not in the list), so never vetted; by hash, Apollo's store does not hold it.
    const text = "query NotListed { account(provider: DIFFIO) { id } }";
    expect(code((await post(server, { query: text })).body)).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(code((await post(server, byHash(text))).body)).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});
