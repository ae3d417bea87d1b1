import { describe, expect, it } from "@jest/globals";
import { idempotencyEntryId, type CallerScope } from "../../src/idempotency/caller-scope.js";
import { canonicalJson, operationFingerprint } from "../../src/idempotency/fingerprint.js";
import { idempotencyKeyProblem } from "../../src/idempotency/idempotency-key.js";
import { runOutcome, settledCall } from "../../src/idempotency/known-outcome.js";
import { MemoryIdempotencyStore } from "../../src/idempotency/memory-store.js";
import { type Lease, type StoredAnswer } from "../../src/idempotency/store.js";
import { IN_FLIGHT } from "../../src/rest/upstream-recorder.js";
import { credentialHash } from "../../src/shared-state/credential-hash.js";
import { startupWarnings } from "../../src/startup.js";
import { problemsOf } from "../helpers/config-problems.js";
import { loadConfig } from "../helpers/providers.js";

describe("the Idempotency-Key rule", () => {
  it("takes 1 to 255 printable ASCII characters, spaces and quotes included", () => {
    for (const key of ["a", "k".repeat(255), "8e03978e-40d5-43e8-bc93-6894a57f9324", '"8e03978e"', "order 42 ~!"]) {
      expect(idempotencyKeyProblem(key)).toBeUndefined();
    }
  });

  it("refuses anything else, saying which rule and what was wrong", () => {
    expect(idempotencyKeyProblem("")).toMatch(/^Idempotency-Key must be 1 to 255 printable ASCII characters .*; it is empty\./);
    expect(idempotencyKeyProblem("k".repeat(256))).toContain("it has 256 characters");
    for (const key of ["tab\there", "caf\u00e9", "line\nbreak", "\u0000"]) {
      expect(idempotencyKeyProblem(key)).toContain("it has a character outside that range");
    }
  });
});

describe("the operation's fingerprint", () => {
  const hash = "a".repeat(64);
  it("is the same for the same document, operation and variables, whatever the key order", () => {
    expect(operationFingerprint(hash, "Rename", { input: { id: "1", name: "x" } })).toBe(
      operationFingerprint(hash, "Rename", { input: { name: "x", id: "1" } }),
    );
    expect(operationFingerprint(hash, "Rename", undefined)).toBe(operationFingerprint(hash, "Rename", {}));
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: "\u00e9" })).toBe('{"a":"é","b":[2,{"c":null,"d":1}]}');
  });

  it("differs when the document, the operation or any variable differs", () => {
    const base = operationFingerprint(hash, "Rename", { name: "x" });
    expect(operationFingerprint("b".repeat(64), "Rename", { name: "x" })).not.toBe(base);
    expect(operationFingerprint(hash, "Other", { name: "x" })).not.toBe(base);
    expect(operationFingerprint(hash, "Rename", { name: "y" })).not.toBe(base);
    expect(operationFingerprint(hash, "Rename", { name: null })).not.toBe(base);
    expect(operationFingerprint(hash, "Rename", { name: ["x"] })).not.toBe(base);
  });
});

describe("which answers are kept", () => {
  const call = (status: number | null, outcome: string) => ({ status, outcome });

  it("keeps a run whose every provider call settled: read successes and refusals a retry would get again", () => {
    expect(runOutcome([call(200, "ok")])).toBe("settled");
    expect(runOutcome([call(200, "ok"), call(204, "ok")])).toBe("settled");
    for (const status of [400, 401, 403, 404, 409, 422]) expect(settledCall(call(status, "BAD_USER_INPUT"))).toBe(true);
  });

  it("keeps nothing of a run that made no provider call: the key can be used again", () => {
    expect(runOutcome([])).toBe("unsent");
  });

  it("keeps nothing when any call's outcome is unknown or passing", () => {
    for (const unsettled of [
      call(null, "UPSTREAM_TIMEOUT"),
      call(null, "UPSTREAM_ERROR"),
      call(null, IN_FLIGHT),
      call(200, "UPSTREAM_ERROR"),
      call(302, "UPSTREAM_ERROR"),
      call(408, "UPSTREAM_ERROR"),
      call(429, "RATE_LIMITED"),
      call(500, "UPSTREAM_ERROR"),
      call(503, "UPSTREAM_ERROR"),
    ]) {
      expect(runOutcome([call(200, "ok"), unsettled])).toBe("unknown");
    }
  });
});

describe("who the caller is", () => {
  const scope = (tokensOn: boolean, hash = credentialHash("s".repeat(32), true)): CallerScope => ({
    tokensOn,
    credentialHeaders: ["x-a-api-key", "x-b-api-key"],
    hash,
  });
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] });

  it("is the token (with API_TOKENS) and the credentials the request carries, plus the key", () => {
    const on = scope(true);
    const base = idempotencyEntryId(on, headers({ authorization: "Bearer t1", "x-a-api-key": "k1" }), "key");
    expect(idempotencyEntryId(on, headers({ authorization: "bearer  t1 ", "x-a-api-key": " k1" }), "key")).toBe(base);
    expect(idempotencyEntryId(on, headers({ authorization: "Bearer t2", "x-a-api-key": "k1" }), "key")).not.toBe(base);
    expect(idempotencyEntryId(on, headers({ authorization: "Bearer t1", "x-a-api-key": "k2" }), "key")).not.toBe(base);
    expect(idempotencyEntryId(on, headers({ authorization: "Bearer t1", "x-b-api-key": "k1" }), "key")).not.toBe(base);
    expect(idempotencyEntryId(on, headers({ authorization: "Bearer t1", "x-a-api-key": "k1" }), "key2")).not.toBe(base);
    // Without tokens, Authorization says nothing about who calls.
    const off = scope(false);
    expect(idempotencyEntryId(off, headers({ authorization: "Bearer t1" }), "key")).toBe(
      idempotencyEntryId(off, headers({ authorization: "Bearer t2" }), "key"),
    );
  });

  it("is a keyed hash that shows no token, credential or key, and follows the deployment's secret", () => {
    const values = { authorization: "Bearer token-1234567890", "x-a-api-key": "credential-1234567890" };
    const id = idempotencyEntryId(scope(true), headers(values), "my-idempotency-key");
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const secret of ["token-1234567890", "credential-1234567890", "my-idempotency-key"]) expect(id).not.toContain(secret);
    const otherSecret = idempotencyEntryId(scope(true, credentialHash("t".repeat(32), true)), headers(values), "my-idempotency-key");
    expect(otherSecret).not.toBe(id);
  });

  it("agrees across replicas without a secret only when they share state, and never confuses part boundaries", () => {
    expect(credentialHash(undefined, true)("a")).toBe(credentialHash(undefined, true)("a"));
    expect(credentialHash(undefined, false)("a")).not.toBe(credentialHash(undefined, false)("a"));
    const hash = credentialHash("s".repeat(32), true);
    expect(hash("ab", "c")).not.toBe(hash("a", "bc"));
    expect(hash("é", "")).not.toBe(hash("", "é"));
  });
});

describe("the memory store", () => {
  const answer = (body: string): StoredAnswer => ({ status: 200, headers: [["content-type", "application/json"]], body });
  const claimed = async (store: MemoryIdempotencyStore, id: string, fp = "fp"): Promise<Lease> => {
    const claim = await store.claim(id, fp);
    if (claim.kind !== "claimed") throw new Error(`expected a claim, got ${claim.kind}`);
    return claim.lease;
  };

  it("lets one request run, tells others it runs or that the key is reused, then replays its answer", async () => {
    const store = new MemoryIdempotencyStore({ ttlSeconds: 60, maxBytes: 1 << 20 });
    const lease = await claimed(store, "id");
    expect(await store.claim("id", "fp")).toEqual({ kind: "in-use" });
    expect(await store.claim("id", "other")).toEqual({ kind: "reused" });
    expect(await lease.keep(answer('{"data":{}}'))).toBe(true);
    expect(await store.claim("id", "fp")).toEqual({ kind: "replay", answer: answer('{"data":{}}') });
    expect(await store.claim("id", "other")).toEqual({ kind: "reused" });
  });

  it("frees a released key, and a second release does not free a later claim", async () => {
    const store = new MemoryIdempotencyStore({ ttlSeconds: 60, maxBytes: 1 << 20 });
    const first = await claimed(store, "id");
    await first.release();
    const second = await claimed(store, "id", "another");
    await first.release();
    expect(await first.keep(answer("{}"))).toBe(false);
    expect(await store.claim("id", "another")).toEqual({ kind: "in-use" });
    await second.release();
  });

  it("stays within its bytes: the least recently used answers go, and a retry of theirs runs again", async () => {
    const maxBytes = 64 * 1024;
    const store = new MemoryIdempotencyStore({ ttlSeconds: 60, maxBytes });
    const body = "x".repeat(2000);
    for (let i = 0; i < 100; i++) expect(await (await claimed(store, `id-${i}`)).keep(answer(body))).toBe(true);
    expect(store.stats().bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.stats().answers).toBeLessThan(100);
    expect((await store.claim("id-99", "fp")).kind).toBe("replay");
    expect((await store.claim("id-0", "fp")).kind).toBe("claimed");
    // An answer larger than the whole budget is not kept, and says so.
    expect(await (await claimed(store, "huge")).keep(answer("y".repeat(maxBytes)))).toBe(false);
    expect((await store.claim("huge", "fp")).kind).toBe("claimed");
  });
});

describe("the configuration of retry-safe mutations", () => {
  it("keeps answers a day by default, and takes a TTL, a memory bound and a secret of at least 32 characters", () => {
    expect(loadConfig({}).idempotency).toEqual({ ttlSeconds: 86_400, cacheBytes: 32 * 1024 * 1024 });
    expect(loadConfig({ IDEMPOTENCY_TTL_SECONDS: "600", IDEMPOTENCY_CACHE_BYTES: "1048576" }).idempotency).toEqual({ ttlSeconds: 600, cacheBytes: 1048576 });
    expect(problemsOf({ IDEMPOTENCY_TTL_SECONDS: "0" })).toEqual(['IDEMPOTENCY_TTL_SECONDS must be an integer from 1 to 2592000 (got "0")']);
    const short = problemsOf({ CREDENTIAL_HASH_SECRET: "too-short-to-be-a-secret" });
    expect(short).toEqual(["CREDENTIAL_HASH_SECRET must be at least 32 characters (a random secret, e.g. from `openssl rand -hex 32`)"]);
    expect(short.join()).not.toContain("too-short-to-be-a-secret");
  });

  it("warns at start when replicas share Redis without CREDENTIAL_HASH_SECRET", () => {
    const warning = (env: Record<string, string>) => startupWarnings(loadConfig(env)).filter(w => w.includes("CREDENTIAL_HASH_SECRET"));
    expect(warning({ REDIS_URL: "redis://127.0.0.1:6379" })).toHaveLength(1);
    expect(warning({ REDIS_URL: "redis://127.0.0.1:6379", CREDENTIAL_HASH_SECRET: "s".repeat(32) })).toEqual([]);
    expect(warning({})).toEqual([]);
  });
});
