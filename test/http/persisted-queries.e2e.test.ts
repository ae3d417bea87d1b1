import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildManifest, loadManifest, sha256 } from "../../src/persisted/manifest.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const QUERY = "query MobileDiffio { account(provider: DIFFIO) { id } }";
const HASH = sha256(QUERY);

// Apollo's iOS and Kotlin clients send APQ reads as GET with this header, which satisfies CSRF prevention.
const mobileGet = (url: string, params: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
  return fetch(`${url}/graphql?${search}`, { headers: { "x-apollo-operation-name": String(params.operationName) } });
};
const apq = { persistedQuery: { version: 1, sha256Hash: HASH } };

describe("automatic persisted queries over GET", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("asks for the query on a miss, registers it, then serves it by hash with a private cache hint", async () => {
    const miss = await mobileGet(server.url, { operationName: "MobileDiffio", extensions: apq });
    expect(((await miss.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const register = await mobileGet(server.url, { operationName: "MobileDiffio", query: QUERY, extensions: apq });
    expect(register.status).toBe(200);

    server.resetSims();
    const hit = await mobileGet(server.url, { operationName: "MobileDiffio", extensions: apq });
    expect(hit.status).toBe(200);
    expect(((await hit.json()) as { data: unknown }).data).toEqual({ account: { id: "user_demo_1" } });
    expect(hit.headers.get("cache-control")).toBe("max-age=10, private");
    expect(server.sims.diffio.control.count()).toBe(1);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/account_graph_cache_hits_total\{cache="apq"\} 1/);
  });

  it("refuses a hash that does not match the query", async () => {
    const response = await mobileGet(server.url, {
      operationName: "MobileDiffio",
      query: QUERY,
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
  });

  it("refuses an unsupported persisted-query version as a bad request, not an internal error", async () => {
    const response = await mobileGet(server.url, {
      operationName: "MobileDiffio",
      query: QUERY,
      extensions: { persistedQuery: { version: "", sha256Hash: "x\ud800y" } },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: "Unsupported persisted query version", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("trusted documents (PERSISTED_QUERIES=only)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PERSISTED_QUERIES: "only" });
  });
  afterAll(() => server.stop());

  it("serves a listed operation by hash and by its exact text", async () => {
    const manifest = await loadManifest();
    const listed = manifest.operations.find(op => op.name === "DiffioBillingPolicy")!;
    const byHash = await mobileGet(server.url, {
      operationName: listed.name,
      extensions: { persistedQuery: { version: 1, sha256Hash: listed.id } },
    });
    expect(byHash.status).toBe(200);
    const body = (await byHash.json()) as { data: { account: { id: string } } };
    expect(body.data.account.id).toBe("user_demo_1");
    const byText = await server.gql(listed.body);
    expect(byText.body.errors).toBeUndefined();
  });

  it("refuses an operation that is not in the manifest, with zero upstream calls", async () => {
    server.resetSims();
    // Twice: a refused operation must not become a prepared one (src/prepared/) either.
    for (let i = 0; i < 2; i++) {
      const { status, body } = await server.gql(QUERY);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
      expect(body.errors?.[0]?.message).toMatch(/trusted operations/);
    }
    expect(server.sims.diffio.control.count()).toBe(0);
  });

  it("does not let a client register a new operation", async () => {
    const register = await mobileGet(server.url, { operationName: "MobileDiffio", query: QUERY, extensions: apq });
    expect(register.status).toBe(400);
    const again = await mobileGet(server.url, { operationName: "MobileDiffio", extensions: apq });
    expect(((await again.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("the committed manifest", () => {
  it("is generated from operations/ (run `npm run manifest` after changing them)", async () => {
    const fresh = await buildManifest(new URL("../../operations", import.meta.url).pathname);
    const committed = JSON.parse(await readFile(new URL("../../persisted-query-manifest.json", import.meta.url), "utf8"));
    expect(committed).toEqual(fresh);
    expect(fresh.operations.length).toBeGreaterThanOrEqual(6);
    for (const op of fresh.operations) expect(op.id).toBe(sha256(op.body));
  });
});
