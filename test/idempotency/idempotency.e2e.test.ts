import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { sha256 } from "../../src/persisted/manifest.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { barrier } from "../helpers/barrier.js";
import { metric } from "../helpers/metrics.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// Retry-safe mutations over real HTTP: the real server (memory store) and the Depicta simulator,
// whose PATCH /v1/account/profile is the write counted.
const RENAME = "mutation Rename($name: String) { updateProfileName(input: { name: $name }) { id name } }";
const READ = "query Profile { account(provider: DEPICTA) { id ... on DepictaAccount { name } } }";
const ADA = "6eb15ef1-9de7-4971-b55e-babbe35b7544";
const WRITE = "PATCH /v1/account/profile";

interface Answer {
  status: number;
  headers: Headers;
  /** The body's bytes as text: replays are compared byte for byte. */
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(server: TestServer, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer["body"] };
}

const rename = (name: string | null) => ({ query: RENAME, variables: { name } });
const keyed = (key: string, more: Record<string, string> = {}) => ({ "idempotency-key": key, ...more });
const counter = (server: TestServer, outcome: string) =>
  metric(server.url, `account_graph_idempotent_mutations_total{outcome="${outcome}"}`).then(v => v ?? 0);

describe("Idempotency-Key over HTTP (memory store)", () => {
  let server: TestServer;
  const writes = () => server.sims.depicta.control.count(WRITE);
  const adaName = () => server.sims.depicta.state.users.get(ADA)!.name;

  beforeAll(async () => {
    server = await startTestServer({ CORS_ORIGINS: "https://app.example.com" });
  });
  afterAll(() => server.stop());
  beforeEach(() => server.resetSims());

  it("answers a retry with the first answer, byte for byte, marked replayed, with one provider write", async () => {
    const key = randomUUID();
    const replaysBefore = await counter(server, "replayed");
    const answersBefore = (await metric(server.url, "account_graph_idempotency_cache_answers")) ?? 0;
    const bytesBefore = (await metric(server.url, "account_graph_idempotency_cache_bytes")) ?? 0;
    const first = await send(server, rename("Grace Hopper"), keyed(key));
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ updateProfileName: { id: ADA, name: "Grace Hopper" } });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(writes()).toBe(1);

    // Someone renames the profile in between: the retry still gets the first answer, untouched.
    server.sims.depicta.state.users.get(ADA)!.name = "Changed Elsewhere";
    const retry = await send(server, rename("Grace Hopper"), keyed(key));
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.text).toBe(first.text);
    expect(retry.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(retry.headers.get("vary")).toBe(first.headers.get("vary"));
    // Each answer has its own request id.
    expect(retry.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
    expect(writes()).toBe(1);
    expect(adaName()).toBe("Changed Elsewhere");
    expect(await counter(server, "replayed")).toBe(replaysBefore + 1);
    // The kept answer shows in what the store holds.
    expect(await metric(server.url, "account_graph_idempotency_cache_answers")).toBe(answersBefore + 1);
    expect(await metric(server.url, "account_graph_idempotency_cache_bytes")).toBeGreaterThan(bytesBefore + first.text.length);
  });

  it("refuses the key with other variables (422 IDEMPOTENCY_KEY_REUSED) and sends nothing", async () => {
    const key = randomUUID();
    const reusedBefore = await counter(server, "key_reused");
    expect((await send(server, rename("Grace Hopper"), keyed(key))).status).toBe(200);
    const reused = await send(server, rename("Someone Else"), keyed(key));
    expect(reused.status).toBe(422);
    expect(reused.body.data).toBeUndefined();
    expect(reused.body.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(reused.body.errors?.[0]?.message).toMatch(/Idempotency-Key was used for another operation or other variables/);
    // Another operation under the key is refused alike.
    const otherOperation = await send(server, { query: RENAME.replace("Rename", "RenameAgain"), variables: { name: "Grace Hopper" } }, keyed(key));
    expect(otherOperation.status).toBe(422);
    expect(writes()).toBe(1);
    expect(adaName()).toBe("Grace Hopper");
    expect(await counter(server, "key_reused")).toBe(reusedBefore + 2);
  });

  it("holds a concurrent request with the same key to 409 IDEMPOTENCY_KEY_IN_USE with Retry-After, then replays", async () => {
    const key = randomUUID();
    const inUseBefore = await counter(server, "in_use");
    // The first request's write waits in the simulator until the second request has its answer.
    const meet = barrier(2);
    server.sims.depicta.control.hold = call => (call.method === "PATCH" ? meet.arrive() : Promise.resolve());
    const first = send(server, rename("Ada King"), keyed(key));
    await until(() => meet.arrived() === 1, "the first request's write reached Depicta");

    const second = await send(server, rename("Ada King"), keyed(key));
    expect(second.status).toBe(409);
    expect(second.headers.get("retry-after")).toBe("1");
    expect(second.body.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_IN_USE");
    expect(second.body.data).toBeUndefined();
    void meet.arrive();

    const firstAnswer = await first;
    expect(firstAnswer.status).toBe(200);
    expect(writes()).toBe(1);
    const after = await send(server, rename("Ada King"), keyed(key));
    expect(after.headers.get("idempotent-replayed")).toBe("true");
    expect(after.text).toBe(firstAnswer.text);
    expect(writes()).toBe(1);
    expect(await counter(server, "in_use")).toBe(inUseBefore + 1);
  });

  it("never lets another caller's request with the same key read the first caller's answer", async () => {
    const key = randomUUID();
    const first = await send(server, rename("Grace Hopper"), keyed(key));
    expect(first.body.data).toEqual({ updateProfileName: { id: ADA, name: "Grace Hopper" } });
    // Same key, same operation, another Depicta credential: its own request, its own answer
    // (this key's user may not rename: Depicta refuses unverified email addresses).
    const other = await send(server, rename("Grace Hopper"), keyed(key, { "x-depicta-api-key": DEPICTA_DEMO_KEYS.unverified }));
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    expect(other.body.data).toBeNull();
    expect(other.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(other.text).not.toContain(ADA);
    expect(writes()).toBe(2);
  });

  it("does not use up the key on a request refused before any provider call", async () => {
    const key = randomUUID();
    const unsentBefore = await counter(server, "unsent");
    const invalid = await send(server, rename("   "), keyed(key));
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(writes()).toBe(0);
    // Corrected input, same key: it runs (not 422), and is kept from then on.
    const corrected = await send(server, rename("Grace Hopper"), keyed(key));
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get("idempotent-replayed")).toBeNull();
    expect(corrected.body.data).toEqual({ updateProfileName: { id: ADA, name: "Grace Hopper" } });
    expect(writes()).toBe(1);
    expect((await send(server, rename("Grace Hopper"), keyed(key))).headers.get("idempotent-replayed")).toBe("true");
    expect(await counter(server, "unsent")).toBe(unsentBefore + 1);
  });

  it("answers a query that carries the header as any query, whatever the key", async () => {
    for (const key of [randomUUID(), "x".repeat(300)]) {
      for (let i = 0; i < 2; i++) {
        const answer = await send(server, { query: READ }, keyed(key));
        expect(answer.status).toBe(200);
        expect(answer.headers.get("idempotent-replayed")).toBeNull();
        expect(answer.body.data).toEqual({ account: { id: ADA, name: "Ada Lovelace" } });
      }
    }
    // Every one of them was read from Depicta: nothing is kept for queries.
    expect(server.sims.depicta.control.count("GET /v1/account/profile")).toBe(4);
  });

  it("refuses a mutation with an over-long or empty key with a 400 naming the header and its rule", async () => {
    for (const [key, problem] of [
      ["k".repeat(256), "it has 256 characters"],
      ["", "it is empty"],
    ] as const) {
      const refused = await send(server, rename("Grace Hopper"), keyed(key));
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
      expect(refused.body.errors?.[0]?.message).toContain("Idempotency-Key must be 1 to 255 printable ASCII characters");
      expect(refused.body.errors?.[0]?.message).toContain(problem);
    }
    expect(writes()).toBe(0);
    // The longest key is fine.
    expect((await send(server, rename("Grace Hopper"), keyed("k".repeat(255)))).status).toBe(200);
    expect(writes()).toBe(1);
  });

  it("replays a mutation sent by text and retried by its persisted-query hash alone", async () => {
    const key = randomUUID();
    const query = `${RENAME} # ${key}`;
    const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const first = await send(server, { query, variables: { name: "Grace Hopper" }, extensions: persisted }, keyed(key));
    expect(first.status).toBe(200);
    const byHash = await send(server, { variables: { name: "Grace Hopper" }, extensions: persisted }, keyed(key));
    expect(byHash.headers.get("idempotent-replayed")).toBe("true");
    expect(byHash.text).toBe(first.text);
    expect(writes()).toBe(1);
  });

  it("covers the whole operation with one key: every mutation field of it is replayed, none written again", async () => {
    const key = randomUUID();
    const both = {
      query: `mutation Both($name: String) {
        updateProfileName(input: { name: $name }) { name }
        updateBillingPolicy(input: { type: INTERNAL_DIFFIO, reason: "retry-safe" }) { billingPolicy { type reason } }
      }`,
      variables: { name: "Grace Hopper" },
    };
    const first = await send(server, both, keyed(key));
    expect(first.body.data).toEqual({
      updateProfileName: { name: "Grace Hopper" },
      updateBillingPolicy: { billingPolicy: { type: "INTERNAL_DIFFIO", reason: "retry-safe" } },
    });
    const retry = await send(server, both, keyed(key));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.text).toBe(first.text);
    expect(writes()).toBe(1);
    expect(server.sims.diffio.control.count("/v1/account/settings/update")).toBe(1);
  });

  it("treats variables with their keys in another order as the same input", async () => {
    const key = randomUUID();
    const query = "mutation Address($id: ID!, $name: String) { updateBillingAccount(input: { id: $id, displayName: $name }) { id displayName } }";
    const first = await send(server, { query, variables: { id: "ba-demo-main", name: "Main" } }, keyed(key));
    expect(first.status).toBe(200);
    const reordered = await send(server, { query, variables: { name: "Main", id: "ba-demo-main" } }, keyed(key));
    expect(reordered.headers.get("idempotent-replayed")).toBe("true");
    expect(server.sims.cudo.control.count("PATCH")).toBe(1);
  });

  it("keeps a provider's definite refusal for retries, and nothing about a provider that was unavailable", async () => {
    const refusedKey = randomUUID();
    // Depicta refuses the input (400): a settled answer, kept and replayed, even to a retry
    // without the fault (the fault is not part of the operation).
    const refused = await send(server, rename("Grace Hopper"), keyed(refusedKey, { "x-simulate-fault": "depicta=invalid-input" }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const refusedAgain = await send(server, rename("Grace Hopper"), keyed(refusedKey));
    expect(refusedAgain.headers.get("idempotent-replayed")).toBe("true");
    expect(refusedAgain.text).toBe(refused.text);
    expect(writes()).toBe(1);

    // Depicta unavailable (503): nobody knows whether it applied the change; nothing is kept,
    // and the retry with the same key runs.
    const unknownBefore = await counter(server, "unknown");
    const unavailableKey = randomUUID();
    const unavailable = await send(server, rename("Grace Hopper"), keyed(unavailableKey, { "x-simulate-fault": "depicta=unavailable" }));
    expect(unavailable.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    const retried = await send(server, rename("Grace Hopper"), keyed(unavailableKey));
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    expect(retried.body.data).toEqual({ updateProfileName: { id: ADA, name: "Grace Hopper" } });
    expect(writes()).toBe(3);
    expect(await counter(server, "unknown")).toBe(unknownBefore + 1);
  });

  it("lets browsers send the header and read the replay and Retry-After headers (CORS)", async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, idempotency-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")?.split(", ")).toContain("idempotency-key");
    const answer = await send(server, rename("Grace Hopper"), keyed(randomUUID(), { origin: "https://app.example.com" }));
    expect(answer.headers.get("access-control-expose-headers")?.split(", ")).toEqual(
      expect.arrayContaining(["idempotent-replayed", "retry-after"]),
    );
  });
});

describe("Idempotency-Key when the provider's answer is lost", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ UPSTREAM_TIMEOUT_MS: "1500" });
  });
  afterAll(() => server.stop());

  it("keeps nothing when the provider timed out after the write was sent: a retry with the key runs it again", async () => {
    const key = randomUUID();
    const sim = server.sims.depicta;
    // Depicta receives the write and applies it only after account-graph has given up on it.
    let deliver!: () => void;
    const delivered = new Promise<void>(resolve => (deliver = resolve));
    sim.control.hold = call => (call.method === "PATCH" ? delivered : Promise.resolve());
    const first = await send(server, rename("Margaret Hamilton"), keyed(key));
    expect(first.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_TIMEOUT");
    deliver();
    await until(() => sim.state.users.get(ADA)!.name === "Margaret Hamilton", "Depicta applied the first write late");
    sim.control.hold = undefined;

    const retry = await send(server, rename("Margaret Hamilton"), keyed(key));
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.body.data).toEqual({ updateProfileName: { id: ADA, name: "Margaret Hamilton" } });
    expect(sim.control.count(WRITE)).toBe(2);
    // The second run settled: from now on the key replays it.
    const again = await send(server, rename("Margaret Hamilton"), keyed(key));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(retry.text);
    expect(sim.control.count(WRITE)).toBe(2);
  });

  it("keeps nothing when the connection dropped with the write: a retry with the key runs it again", async () => {
    const key = randomUUID();
    const sim = server.sims.depicta;
    sim.control.failNext({ kind: "reset", match: "PATCH" });
    const first = await send(server, rename("Barbara Liskov"), keyed(key));
    expect(first.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    const retry = await send(server, rename("Barbara Liskov"), keyed(key));
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.body.data).toEqual({ updateProfileName: { id: ADA, name: "Barbara Liskov" } });
  });
});

describe("Idempotency-Key with API_TOKENS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ API_TOKENS: "token-of-app-a,token-of-app-b" });
  });
  afterAll(() => server.stop());

  it("scopes keys to the caller's token", async () => {
    const key = randomUUID();
    const asA = { authorization: "Bearer token-of-app-a" };
    const first = await send(server, rename("Grace Hopper"), keyed(key, asA));
    expect(first.status).toBe(200);
    const otherToken = await send(server, rename("Grace Hopper"), keyed(key, { authorization: "Bearer token-of-app-b" }));
    expect(otherToken.status).toBe(200);
    expect(otherToken.headers.get("idempotent-replayed")).toBeNull();
    const sameToken = await send(server, rename("Grace Hopper"), keyed(key, asA));
    expect(sameToken.headers.get("idempotent-replayed")).toBe("true");
    expect(server.sims.depicta.control.count(WRITE)).toBe(2);
    // A refused token never reaches the store.
    expect((await send(server, rename("Grace Hopper"), keyed(key, { authorization: "Bearer wrong" }))).status).toBe(401);
  });
});
