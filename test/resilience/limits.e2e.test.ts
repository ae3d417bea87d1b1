import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The deepest real read in the schema: Hostup's billing toggles (depth 5).
const HOSTUP_FULL = `{ account(provider: HOSTUP) { id ... on HostupAccount {
  localization { languageCode timezone }
  notifications { emailEnabled smsEnabled delivery { overrideEnabled enabledEmails billing { enabled canToggle { allowed reason } } } }
  security { bankIdOnlyLogin twoFactorEnabled }
  billing { peppol { optedOut optOutReason optedOutAt }
    cardAutoCharge { configured enabled status hasPaymentMethod method label description reason canToggle { allowed reason } }
    separateInvoices { enabled label description reason canToggle { allowed reason } } }
  categories } } }`;

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: account(provider: DIFFIO) { id }`).join(" ")} }`;
const directives = (n: number) => `{ ${"__typename @include(if: true) ".repeat(n)} }`;
const upstreamCalls = (s: TestServer) =>
  [s.sims.diffio, s.sims.hostup, s.sims.cudo, s.sims.depicta].reduce((n, sim) => n + sim.control.count(), 0);

describe("operation limits with the defaults", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("admits the deepest and widest real operations", async () => {
    const full = await server.gql(HOSTUP_FULL);
    expect(full.body.errors).toBeUndefined();
    const thirty = await server.gql(aliases(30));
    expect(thirty.body.errors).toBeUndefined();
    expect(server.sims.diffio.control.count()).toBe(1);
  });

  it("refuses too many aliases, with zero upstream calls", async () => {
    server.resetSims();
    const { status, body } = await server.gql(aliases(31));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
    expect(upstreamCalls(server)).toBe(0);
  });

  it("refuses too many directives", async () => {
    server.resetSims();
    expect((await server.gql(directives(10))).body.errors).toBeUndefined();
    const { status, body } = await server.gql(directives(51));
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/directives/i);
  });

  it("refuses a document over the token limit as a parse failure (400, not 500)", async () => {
    server.resetSims();
    // 5,003 tokens in 55 KB: over MAX_TOKENS, under MAX_QUERY_BYTES, so the token limit is what answers.
    const { status, body } = await server.gql(`{ ${"__typename ".repeat(5001)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors?.[0]?.message).toMatch(/tokens/);
    expect(upstreamCalls(server)).toBe(0);
  });

  it("answers a syntax error with 400", async () => {
    const { status, body } = await server.gql("{ account(provider: DIFFIO) { id }");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("suggests field names in development", async () => {
    const { body } = await server.gql("{ acount(provider: DIFFIO) { id } }");
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "account"/);
  });
});

describe("operation limits, configured", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_DEPTH: "4", MAX_COST: "60", MAX_ALIASES: "2" });
  });
  afterAll(() => server.stop());

  it("refuse an operation deeper than MAX_DEPTH and admit a shallower one", async () => {
    const deep = await server.gql(`{ account(provider: HOSTUP) { ... on HostupAccount { billing { cardAutoCharge { canToggle { allowed } } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.message).toMatch(/depth/i);
    const shallow = await server.gql(`{ account(provider: HOSTUP) { ... on HostupAccount { security { bankIdOnlyLogin } } } }`);
    expect(shallow.body.errors).toBeUndefined();
  });

  it("refuse an operation costlier than MAX_COST and admit a cheaper one", async () => {
    server.resetSims();
    const costly = await server.gql(HOSTUP_FULL.replace(/\n/g, " "));
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.message).toMatch(/cost/i);
    expect(upstreamCalls(server)).toBe(0);
    const cheap = await server.gql("{ account(provider: DIFFIO) { id } }");
    expect(cheap.body.errors).toBeUndefined();
  });

  it("apply MAX_ALIASES", async () => {
    expect((await server.gql(aliases(2))).body.errors).toBeUndefined();
    expect((await server.gql(aliases(3))).status).toBe(400);
  });
});

describe("production", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", HTTP_HEADERS_TIMEOUT_MS: "500", HTTP_REQUEST_TIMEOUT_MS: "1000" });
  });
  afterAll(() => server.stop());

  it("hides field suggestions", async () => {
    const { body } = await server.gql("{ acount(provider: DIFFIO) { id } }");
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field/);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("hides input-field suggestions in variable errors too", async () => {
    const { status, body } = await server.gql(
      "mutation M($v: UpdateBillingPolicyInput!) { updateBillingPolicy(input: $v) { id } }",
      { v: { "T E": "" } },
    );
    expect(status).toBe(400);
    const messages = (body.errors ?? []).map(e => e.message);
    expect(messages.some(m => m.includes('Field "T E" is not defined by type "UpdateBillingPolicyInput"'))).toBe(true);
    expect(messages.join("\n")).not.toMatch(/Did you mean/);
    expect(server.sims.diffio.control.count()).toBe(0);
  });

  it("refuses introspection unless INTROSPECTION=true", async () => {
    expect((await server.gql("{ __schema { queryType { name } } }")).status).toBe(400);
    const open = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated", INTROSPECTION: "true" });
    try {
      const { body } = await open.gql("{ __schema { queryType { name } } }");
      expect(body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.stop();
    }
  });

  it("drops a client that sends its headers too slowly", async () => {
    const socket = connect(server.port, "127.0.0.1");
    socket.write("POST /graphql HTTP/1.1\r\nHost: localhost\r\n");
    let answer = "";
    socket.on("data", chunk => (answer += chunk));
    // The client never finishes: only the server's header timeout (far below Node's 60 s default
    // and this test's own timeout) can close the socket.
    await new Promise<void>(resolve => socket.on("close", () => resolve()));
    expect(answer === "" || answer.startsWith("HTTP/1.1 408")).toBe(true);
  });

  it("drops a client that sends its body too slowly", async () => {
    const socket = connect(server.port, "127.0.0.1");
    socket.write("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
    let answer = "";
    socket.on("data", chunk => (answer += chunk));
    // Only the server's request timeout (far below Node's 300 s default) can close the socket.
    await new Promise<void>(resolve => socket.on("close", () => resolve()));
    expect(answer === "" || answer.startsWith("HTTP/1.1 408")).toBe(true);
  });
});
