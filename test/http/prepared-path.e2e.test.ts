import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { sha256 } from "../../src/persisted/manifest.js";
import { explodingTransport, startTestServer, type TestServer } from "../helpers/server.js";
import { PREPARED_PATH_ON } from "../helpers/request-path.js";

/*
 * The prepared path (src/prepared/) answers a request whose operation Apollo has already let
 * through parsing, validation and every plugin. It must answer exactly as Apollo would: same
 * status, headers, body, errors, log line and metrics. Each scenario below is sent twice with a
 * query text the server has not seen: the first answer comes from Apollo (which prepares the
 * operation), the second from the prepared path, and the two are compared. In the `apollo-path`
 * jest project (PREPARED_PATH=false) both come from Apollo and no request is counted `prepared`.
 */

/** Whether the second sighting is the prepared path's in this project. */
const ON = PREPARED_PATH_ON;

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
  /** The body as sent, upstream timings zeroed: equal answers are equal byte for byte. */
  text: string;
}

const COMPARED_HEADERS = ["content-type", "cache-control", "vary", "www-authenticate"];

/** POST `body`, or with `get`, send its fields as a GET query string (objects JSON-encoded). */
async function post(server: TestServer, body: Record<string, unknown>, headers: Record<string, string> = {}, get = false): Promise<Answer> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  const response = get
    ? await fetch(`${server.url}/graphql?${search}`, { headers })
    : await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
  const text = await response.text();
  // Upstream timings differ between any two requests; everything else must not (calls are listed
  // in the order they start, which the operation decides).
  const normalised = text.replace(/"durationMs":[\d.]+/g, '"durationMs":0');
  return {
    status: response.status,
    headers: Object.fromEntries(COMPARED_HEADERS.map(name => [name, response.headers.get(name)])),
    body: JSON.parse(normalised) as unknown,
    text: normalised,
  };
}

async function preparedCount(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/account_graph_cache_hits_total\{cache="prepared"\} (\d+)/.exec(text)?.[1] ?? 0);
}

/** Send the same request twice; the answers and which path gave each. */
async function twice(server: TestServer, body: Record<string, unknown>, headers?: Record<string, string>, before?: () => void, get = false) {
  const start = await preparedCount(server);
  before?.();
  const apollo = await post(server, body, headers, get);
  const afterFirst = await preparedCount(server);
  before?.();
  const prepared = await post(server, body, headers, get);
  const afterSecond = await preparedCount(server);
  return { apollo, prepared, firstPrepared: afterFirst > start, secondPrepared: afterSecond > afterFirst };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

describe("the prepared path answers as Apollo does", () => {
  const codes = (answer: Answer) => ((answer.body as { errors?: { extensions: { code: string } }[] }).errors ?? []).map(e => e.extensions.code);
  const scenarios: {
    name: string;
    body: Record<string, unknown>;
    headers?: Record<string, string>;
    before?: () => void;
    /** What the answer is (checked on Apollo's; the prepared one must equal it). */
    check: (answer: Answer) => void;
  }[] = [
    {
      name: "a query (data, cache hints, upstream inspector)",
      check: a => expect([a.status, a.headers["cache-control"], codes(a)]).toEqual([200, expect.stringContaining("private"), []]),
      body: { query: "query PreparedRead { account(provider: DIFFIO) { id ... on DiffioAccount { billingPolicy { type } currency } } }" },
    },
    {
      name: "all four providers with one failing (partial data, errors with paths)",
      check: a => expect([a.status, codes(a)]).toEqual([200, ["UPSTREAM_ERROR"]]),
      body: { query: "query PreparedAll { accounts { provider id } }" },
      // Every attempt of Cudo's one call fails (3 attempts).
      before: () => {
        server.sims.cudo.control.reset();
        server.sims.cudo.control.failNext({ status: 503, times: 3 });
      },
    },
    {
      name: "variables and a chosen operation among several",
      check: a => expect(codes(a)).toEqual([]),
      body: {
        query: "query PreparedA($id: ID) { account(provider: CUDO, id: $id) { id } } query PreparedB { account(provider: DIFFIO) { id } }",
        operationName: "PreparedA",
        variables: { id: null },
      },
    },
    {
      name: "a mutation (no cache hints)",
      check: a => expect([codes(a), a.headers["cache-control"]]).toEqual([[], null]),
      body: { query: "mutation PreparedRename($name: String) { updateProfileName(input: { name: $name }) { id name } }", variables: { name: "Ada" } },
    },
    {
      name: "a mutation refused by validation (BAD_USER_INPUT with field paths)",
      check: a => expect(codes(a)).toEqual(["BAD_USER_INPUT"]),
      body: { query: "mutation PreparedBadRename($name: String) { updateProfileName(input: { name: $name }) { id } }", variables: { name: " " } },
    },
    {
      name: "an upstream refusal (UNAUTHENTICATED)",
      check: a => expect(codes(a)).toEqual(["UNAUTHENTICATED"]),
      body: { query: "query PreparedNoKey { account(provider: DIFFIO) { id } }" },
      headers: { "x-diffio-api-key": "not-a-key" },
    },
    {
      name: "a not-found entity (NOT_FOUND, null data)",
      check: a => expect(codes(a)).toEqual(["NOT_FOUND"]),
      body: { query: 'query PreparedMissing { account(provider: CUDO, id: "nope-1") { id } }' },
    },
    {
      name: "Accept: application/graphql-response+json",
      check: a => expect(a.headers["content-type"]).toMatch(/^application\/graphql-response\+json/),
      body: { query: "query PreparedAccept { account(provider: DIFFIO) { id } }" },
      headers: { accept: "application/graphql-response+json" },
    },
  ];

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const { apollo, prepared, firstPrepared, secondPrepared } = await twice(server, scenario.body, scenario.headers, scenario.before);
      expect(firstPrepared).toBe(false);
      expect(secondPrepared).toBe(ON);
      scenario.check(apollo);
      expect(prepared).toEqual(apollo);
    });
  }

  it("writes the same log line (operation, upstream calls, error codes) and counts the repeat once, under one name", async () => {
    const query = "query PreparedLog { a: account(provider: CUDO, id: \"nope-1\") { id } b: account(provider: DIFFIO) { id } }";
    const hits = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const count = (cache: string) => Number(new RegExp(`account_graph_cache_hits_total\\{cache="${cache}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
      return { document: count("document"), prepared: count("prepared") };
    };
    await post(server, { query }, { "x-request-id": "prepared-log-1" });
    const before = await hits();
    await post(server, { query }, { "x-request-id": "prepared-log-2" });
    const after = await hits();
    // The prepared path's answer is a `prepared` hit, not a `document` hit as well; Apollo's is `document`.
    expect({ document: after.document - before.document, prepared: after.prepared - before.prepared }).toEqual(
      ON ? { document: 0, prepared: 1 } : { document: 1, prepared: 0 },
    );
    const lines = server.logs.lines.map(l => JSON.parse(l) as Record<string, unknown>);
    const [first, second] = ["prepared-log-1", "prepared-log-2"].map(id => lines.find(l => l.requestId === id));
    for (const line of [first, second]) {
      expect(line).toMatchObject({ msg: "graphql request", operationName: "PreparedLog", upstreamCalls: 2, errorCodes: ["NOT_FOUND"] });
    }
  });
});

describe("Apollo keeps answering what the prepared path does not reproduce", () => {
  it("variables that do not coerce (400 BAD_USER_INPUT, nothing sent upstream)", async () => {
    const query = "query PreparedCoerce($id: ID) { account(provider: CUDO, id: $id) { id } }";
    await post(server, { query, variables: { id: "ok-1" } }); // prepares it
    server.resetSims();
    const { apollo, prepared, secondPrepared } = await twice(server, { query, variables: { id: { not: "an id" } } });
    expect(apollo.status).toBe(400);
    expect(prepared).toEqual(apollo);
    expect(secondPrepared).toBe(false);
    expect(server.sims.cudo.control.calls).toHaveLength(0);
  });

  it("requests for a federated trace (ftv1)", async () => {
    const body = { query: "query PreparedTrace { account(provider: DIFFIO) { id } }" };
    await post(server, body);
    const before = await preparedCount(server);
    const traced = await post(server, body, { "apollo-federation-include-trace": "ftv1" });
    expect(typeof (traced.body as { extensions?: { ftv1?: unknown } }).extensions?.ftv1).toBe("string");
    expect(await preparedCount(server)).toBe(before);
  });

  it("requests with extensions (automatic persisted queries) or unknown body fields", async () => {
    const query = "query PreparedExtensions { account(provider: DIFFIO) { id } }";
    await post(server, { query });
    const before = await preparedCount(server);
    const withExtensions = await post(server, { query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(withExtensions.status).toBe(400);
    expect(JSON.stringify(withExtensions.body)).toContain("provided sha does not match query");
    expect((await post(server, { query, variables: [] })).status).toBe(400);
    expect((await post(server, { query, operationName: 7 })).status).toBe(400);
    expect(await preparedCount(server)).toBe(before);
  });

  it("documents that failed validation are never prepared", async () => {
    const before = await preparedCount(server);
    for (const query of ["query PreparedInvalid { account(provider: DIFFIO) { nope } }", `query PreparedAliases { ${Array.from({ length: 31 }, (_, i) => `a${i}: account(provider: DIFFIO) { id }`).join(" ")} }`]) {
      const first = await post(server, { query });
      const second = await post(server, { query });
      expect(first.status).toBe(400);
      expect(JSON.stringify(first.body)).toContain("GRAPHQL_VALIDATION_FAILED");
      expect(second).toEqual(first);
    }
    expect(await preparedCount(server)).toBe(before);
  });
});

describe("persisted queries (by hash) and GET", () => {
  const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });
  const apqCount = async (target: TestServer) =>
    Number(/account_graph_cache_hits_total\{cache="apq"\} (\d+)/.exec(await (await fetch(`${target.url}/metrics`)).text())?.[1] ?? 0);

  it("answers a hash-only request for a registered operation as Apollo does, counted as an APQ hit", async () => {
    const query = "query PreparedApq { account(provider: DIFFIO) { id } }";
    const registered = await post(server, { query, extensions: persisted(query) });
    const before = { prepared: await preparedCount(server), apq: await apqCount(server) };
    const byHash = await post(server, { extensions: persisted(query) });
    expect(await preparedCount(server)).toBe(before.prepared + Number(ON));
    expect(await apqCount(server)).toBe(before.apq + 1);
    expect(byHash).toEqual(registered);
  });

  it("answers a GET with the mobile clients' preflight header, by hash and by text", async () => {
    const query = "query PreparedGet { account(provider: DIFFIO) { id ... on DiffioAccount { currency } } }";
    const headers = { "x-apollo-operation-name": "PreparedGet" };
    const byText = await twice(server, { query, operationName: "PreparedGet" }, headers, undefined, true);
    expect([byText.firstPrepared, byText.secondPrepared]).toEqual([false, ON]);
    expect(byText.prepared).toEqual(byText.apollo);
    expect(byText.apollo.headers["cache-control"]).toMatch(/private/);

    await post(server, { query, operationName: "PreparedGet", extensions: persisted(query) }, headers, true);
    const before = await preparedCount(server);
    const byHash = await post(server, { operationName: "PreparedGet", extensions: persisted(query) }, headers, true);
    expect(await preparedCount(server)).toBe(before + Number(ON));
    expect(byHash).toEqual(byText.apollo);
  });

  it("leaves to Apollo the GETs it refuses or answers otherwise: no preflight header, a mutation, HTML", async () => {
    const query = "query PreparedGetChecks { account(provider: DIFFIO) { id } }";
    await post(server, { query }, { "apollo-require-preflight": "true" }, true);
    const mutation = "mutation PreparedGetMutation($name: String) { updateProfileName(input: { name: $name }) { id } }";
    await post(server, { query: mutation, variables: { name: "Ada" } });
    // A browser's Accept: Apollo answers its POST with JSON (the second POST is the prepared
    // path's, so the Content-Type is known) but its GET with the Sandbox page (in development).
    const browser = { accept: "text/html, application/json;q=0.9", "apollo-require-preflight": "true" };
    const posted = await twice(server, { query }, browser);
    expect([posted.secondPrepared, posted.prepared.headers["content-type"]]).toEqual([ON, "application/json; charset=utf-8"]);
    const before = await preparedCount(server);

    const noPreflight = await post(server, { query }, {}, true);
    expect(noPreflight.status).toBe(400);
    expect(JSON.stringify(noPreflight.body)).toMatch(/Cross-Site Request Forgery/);
    const getMutation = await post(server, { query: mutation, variables: { name: "Ada" } }, { "apollo-require-preflight": "true" }, true);
    expect(getMutation.status).toBe(405);
    const html = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, { headers: browser });
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    expect(await preparedCount(server)).toBe(before);
    expect(server.sims.depicta.control.count("PATCH")).toBe(1);
  });

  it("leaves unknown hashes and registrations to Apollo", async () => {
    const query = "query PreparedUnknownHash { account(provider: DIFFIO) { id } }";
    const before = await preparedCount(server);
    const unknown = await post(server, { extensions: persisted(query) });
    expect(JSON.stringify(unknown.body)).toContain("PERSISTED_QUERY_NOT_FOUND");
    await post(server, { query, extensions: persisted(query) });
    const mismatch = await post(server, { query: `${query} `, extensions: persisted(query) });
    expect(JSON.stringify(mismatch.body)).toContain("provided sha does not match query");
    expect(await preparedCount(server)).toBe(before);
  });

  it("refuses hashes like Apollo when persisted queries are off", async () => {
    const off = await startTestServer({ PERSISTED_QUERIES: "off" });
    try {
      const query = "query PreparedOff { account(provider: DIFFIO) { id } }";
      await post(off, { query });
      await post(off, { query });
      const byHash = await post(off, { extensions: persisted(query) });
      expect(JSON.stringify(byHash.body)).toContain("PERSISTED_QUERY_NOT_SUPPORTED");
      expect(await preparedCount(off)).toBe(Number(ON));
    } finally {
      await off.stop();
    }
  });

  it("answers trusted documents by hash (PERSISTED_QUERIES=only) as Apollo does", async () => {
    const only = await startTestServer({ PERSISTED_QUERIES: "only" });
    try {
      const { BUNDLED_MANIFEST_PATH, readManifest } = await import("../../src/persisted/manifest.js");
      const listed = readManifest(BUNDLED_MANIFEST_PATH).operations.find(op => op.name === "DiffioBillingPolicy")!;
      const { apollo, prepared, firstPrepared, secondPrepared } = await twice(only, {
        operationName: listed.name,
        extensions: { persistedQuery: { version: 1, sha256Hash: listed.id } },
      });
      expect([firstPrepared, secondPrepared]).toEqual([false, ON]);
      expect(apollo.status).toBe(200);
      expect(prepared).toEqual(apollo);
    } finally {
      await only.stop();
    }
  });
});

describe("in production", () => {
  it("hides unexpected errors exactly as Apollo does, and sends no inspector data", async () => {
    const prod = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" }, { transport: explodingTransport });
    try {
      const { apollo, prepared, secondPrepared } = await twice(prod, { query: "query PreparedProd { account(provider: DIFFIO) { id } }" });
      expect(secondPrepared).toBe(ON);
      expect(prepared).toEqual(apollo);
      expect(prepared.body).toEqual({
        data: { account: null },
        errors: [{ message: "Internal server error.", locations: [{ line: 1, column: 22 }], path: ["account"], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
      expect(JSON.stringify(prepared)).not.toContain("s3cr3t");
    } finally {
      await prod.stop();
    }
  });
});
