import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Kind, parse, visit } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BUNDLED_MANIFEST_PATH, readManifest, sha256 } from "../../src/persisted/manifest.js";
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
    const manifest = readManifest(BUNDLED_MANIFEST_PATH);
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
    // Twice: a refused operation stays refused once its document is cached.
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

describe("trusted documents from the operator's own manifest (PERSISTED_QUERY_MANIFEST)", () => {
  const body = "query ClientTeamAccounts {\n  accounts {\n    id\n    __typename\n  }\n}";
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "own-manifest-"));
    const manifest = { format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: sha256(body), name: "ClientTeamAccounts", type: "query", body }] };
    await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    server = await startTestServer({ PERSISTED_QUERIES: "only", PERSISTED_QUERY_MANIFEST: join(dir, "manifest.json") });
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves that file's operations by hash and refuses the bundled ones", async () => {
    const mine = await mobileGet(server.url, {
      operationName: "ClientTeamAccounts",
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(body) } },
    });
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { data: { accounts: unknown[] } }).data.accounts).toHaveLength(4);
    const bundled = readManifest(BUNDLED_MANIFEST_PATH).operations.find(op => op.name === "DiffioBillingPolicy")!;
    const { status, body: refused } = await server.gql(bundled.body);
    expect(status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });
});

describe("the committed manifest", () => {
  const ROOT = new URL("../../", import.meta.url).pathname;

  // Apollo's own generator, run as `npm run manifest` runs it but writing elsewhere: the committed
  // file must be byte for byte what it writes, so ids equal those client teams' builds compute.
  it("is what @apollo/generate-persisted-query-manifest writes for operations/ (run `npm run manifest`)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "manifest-"));
    try {
      const config = JSON.parse(await readFile(join(ROOT, "persisted-query-manifest.config.json"), "utf8"));
      const output = join(dir, "manifest.json");
      await writeFile(join(dir, "config.json"), JSON.stringify({ ...config, output }));
      const cli = join(ROOT, "node_modules/@apollo/generate-persisted-query-manifest/cli.js");
      await promisify(execFile)(process.execPath, [cli, "--config", join(dir, "config.json")], { cwd: ROOT });
      expect(await readFile(join(ROOT, "persisted-query-manifest.json"), "utf8")).toBe(await readFile(output, "utf8"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("lists every example with __typename in each selection set, as Apollo's clients send it", () => {
    const manifest = readManifest(BUNDLED_MANIFEST_PATH);
    expect(manifest.operations.length).toBeGreaterThanOrEqual(11);
    for (const op of manifest.operations) {
      expect(op.id).toBe(sha256(op.body));
      // Every field's selection set asks for __typename (the operation's root set does not).
      const missing: string[] = [];
      visit(parse(op.body), {
        Field(field) {
          const selections = field.selectionSet?.selections;
          if (selections && !selections.some(s => s.kind === Kind.FIELD && s.name.value === "__typename")) missing.push(field.name.value);
        },
      });
      expect({ name: op.name, missing }).toEqual({ name: op.name, missing: [] });
    }
  });
});
