import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { metric } from "../helpers/metrics.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";

// A new text each time, mostly comment: one token to graphql-js, ~N KB to the heap.
const distinct = (i: number, commentBytes: number, field = "__typename") =>
  `query Q${i}_${process.hrtime.bigint()} { ${field} } # ${"x".repeat(commentBytes)}`;

const post = (url: string, query: string) =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });

describe("distinct large documents (production, persisted queries off)", () => {
  let server: TestServer;
  const CACHE = 2 * 1024 * 1024;
  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: "production",
      PROVIDERS_MODE: "simulated",
      PERSISTED_QUERIES: "off",
      LOG_LEVEL: "info",
      MAX_QUERY_BYTES: String(1024 * 1024),
      DOCUMENT_CACHE_BYTES: String(CACHE),
    });
  });
  afterAll(() => server.stop());

  it("keeps Apollo's document cache within DOCUMENT_CACHE_BYTES", async () => {
    for (let i = 0; i < 40; i++) {
      // 200 KB each: 40 of them are 16 MB of text, eight times the budget.
      const response = await post(server.url, distinct(i, 200_000));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: "Query" } });
      expect(await metric(server.url, "account_graph_document_cache_bytes")).toBeLessThanOrEqual(CACHE);
    }
    // The budget is used, not merely refused: the latest documents are cached.
    expect(await metric(server.url, "account_graph_document_cache_documents")).toBeGreaterThan(0);
    expect(await metric(server.url, "account_graph_document_cache_bytes")).toBeGreaterThan(CACHE / 2);
  });

  it("bounds metrics labels by operation name, keeping the shipped operations' own labels", async () => {
    for (let i = 0; i < 250; i++) expect((await post(server.url, `query Made${i} { __typename }`)).status).toBe(200);
    // A name from the persisted-query manifest, sent after the flood.
    expect((await post(server.url, "query AllAccounts { __typename }")).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const labels = new Set([...metrics.matchAll(/account_graph_requests_total\{operation="([^"]*)"/g)].map(m => m[1]));
    expect(labels.has("AllAccounts")).toBe(true);
    expect(labels.has("other")).toBe(true);
    expect(labels.size).toBeLessThanOrEqual(200 + 4); // 200 first-seen names, known ones, other, anonymous
  });

  it("writes a bounded operation name into the log line", async () => {
    const name = `Q${"n".repeat(50_000)}`;
    const response = await post(server.url, `query ${name} { __typename }`);
    expect(response.status).toBe(200);
    const line = server.logs.lines.map(l => JSON.parse(l) as { msg?: string; operationName?: string }).findLast(l => l.msg === "graphql request")!;
    expect(line.operationName!.length).toBeLessThanOrEqual(128);
  });
});

describe("MAX_QUERY_BYTES", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", PERSISTED_QUERIES: "off" });
  });
  afterAll(() => server.stop());

  it("refuses a text over 64 KiB by default before parsing it, and sends nothing upstream", async () => {
    const response = await post(server.url, `{ account(provider: CUDO) { id } } # ${"x".repeat(70_000)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors[0]!.message).toContain("MAX_QUERY_BYTES");
    expect(server.sims.cudo.control.count()).toBe(0);
    expect(await metric(server.url, "account_graph_document_cache_documents")).toBe(0);
  });

  it("counts UTF-8 bytes, not characters", async () => {
    // 30,000 three-byte characters: 90 KB in 30,000 characters.
    const response = await post(server.url, `{ __typename } # ${"€".repeat(30_000)}`);
    expect(response.status).toBe(400);
  });

  it("answers a text under the limit", async () => {
    const response = await post(server.url, `{ __typename } # ${"x".repeat(60_000)}`);
    expect(response.status).toBe(200);
  });
});

// The process as `npm start` runs it (built), with a heap far smaller than the text it is sent.
describe("the built server with a 96 MB heap", () => {
  let built: BuiltServer;
  let url: string;
  beforeAll(async () => {
    built = startBuilt(
      {
        NODE_ENV: "production",
        PROVIDERS_MODE: "simulated",
        PERSISTED_QUERIES: "off",
        // Lifted so that the caches, not the text limit, are what is tested.
        MAX_QUERY_BYTES: String(1024 * 1024),
      },
      ["--max-old-space-size=96"],
    );
    url = await built.ready();
  });
  afterAll(() => {
    built.child.kill("SIGKILL");
  });

  it("answers 150 distinct 900 KB documents (135 MB of text) and stays up", async () => {
    for (let i = 0; i < 150; i++) {
      const response = await post(url, distinct(i, 900_000)).catch((error: Error) => {
        throw new Error(`request ${i} failed (${error.message}: ${String(error.cause)}); server exit ${built.child.exitCode ?? built.child.signalCode}, stderr: ${built.err().slice(-2000)}, log: ${built.out().slice(-2000)}`);
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(built.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // 135 MB over loopback: generous, so a loaded machine does not fail it; what is asserted is survival.
  }, 120_000);
});
