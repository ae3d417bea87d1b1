import { describe, expect, it } from "@jest/globals";
import { memoryReadStore } from "../../src/caches/memory-read-store.js";
import { SYSTEM_CLOCK } from "../../src/clock.js";
import { ReadCache, type CallCapture } from "../../src/caches/read-cache.js";
import { type UpstreamFailure } from "../../src/errors/upstream-error.js";
import { type TransportResponse } from "../../src/rest/transport.js";
import { UpstreamRecorder } from "../../src/rest/upstream-recorder.js";

// Reads that miss while a provider call for the same answer is out share that call: one call
// when a caller's burst finds its answer expired, not one per request.

const ENDPOINT = { method: "GET", path: "/v1/profile" };
const json = { "content-type": "application/json" };

/** A provider whose calls each wait until the test answers them, in order. */
function heldProvider() {
  const calls: Array<{ answer(response: TransportResponse): void; fail(failure: UpstreamFailure): void }> = [];
  const fetch = (capture: CallCapture) =>
    new Promise<unknown>((resolve, reject) => {
      calls.push({
        answer(response) {
          capture.response = response;
          resolve(JSON.parse(response.body));
        },
        fail(failure) {
          capture.failure = failure;
          reject(new Error(`provider failed: ${failure.kind}`));
        },
      });
    });
  return { fetch, calls };
}

function setup(staleIfErrorSeconds = 0) {
  const cache = new ReadCache({ ttlSeconds: 60, staleIfErrorSeconds, store: memoryReadStore(1 << 20, SYSTEM_CLOCK), keyer: credential => `k-${credential}` });
  const provider = heldProvider();
  const read = (credential = "key-a") => {
    const recorder = new UpstreamRecorder();
    const scope = cache.scope("DEPICTA", credential, { recorder, holdsSecret: () => false, parse: body => JSON.parse(body) as unknown });
    return { recorder, answer: cache.read(scope, ENDPOINT, provider.fetch) };
  };
  const write = (credential = "key-a") => {
    const scope = cache.scope("DEPICTA", credential, { holdsSecret: () => false, parse: body => JSON.parse(body) as unknown });
    return cache.write(scope, [ENDPOINT], Promise.resolve("written"));
  };
  return { cache, provider, read, write };
}

// Lets every read started so far reach the provider or start waiting for a call in flight.
const settled = () => new Promise(resolve => setImmediate(resolve));

describe("read cache: misses share the call in flight", () => {
  it("makes one provider call for reads that miss together, and the others read its answer as fresh", async () => {
    const { cache, provider, read } = setup();
    try {
      const reads = [read(), read(), read()];
      await settled();
      expect(provider.calls).toHaveLength(1);
      provider.calls[0]!.answer({ status: 200, headers: json, body: '{"name":"Ada"}' });
      expect(await Promise.all(reads.map(r => r.answer))).toEqual([{ name: "Ada" }, { name: "Ada" }, { name: "Ada" }]);
      // The first made the call; the others were answered without one.
      expect(reads.map(r => r.recorder.cachedReads.map(c => [c.outcome, c.ageSeconds]))).toEqual([[], [["fresh", 0]], [["fresh", 0]]]);
      // Each got its own copy of the answer.
      const [first, second] = await Promise.all([reads[0]!.answer, reads[1]!.answer]);
      expect(first).not.toBe(second);
    } finally {
      cache.close();
    }
  });

  it("does not share between credentials", async () => {
    const { cache, provider, read } = setup();
    try {
      const reads = [read("key-a"), read("key-b")];
      await settled();
      expect(provider.calls).toHaveLength(2);
      provider.calls[0]!.answer({ status: 200, headers: json, body: '{"name":"Ada"}' });
      provider.calls[1]!.answer({ status: 200, headers: json, body: '{"name":"Bo"}' });
      expect(await Promise.all(reads.map(r => r.answer))).toEqual([{ name: "Ada" }, { name: "Bo" }]);
    } finally {
      cache.close();
    }
  });

  it("never gives a read that starts after a write the answer of a call from before it", async () => {
    const { cache, provider, read, write } = setup();
    try {
      const before = read();
      await settled();
      await write();
      const after = read();
      await settled();
      // The read after the write asked the provider itself.
      expect(provider.calls).toHaveLength(2);
      provider.calls[0]!.answer({ status: 200, headers: json, body: '{"name":"old"}' });
      provider.calls[1]!.answer({ status: 200, headers: json, body: '{"name":"new"}' });
      expect(await before.answer).toEqual({ name: "old" });
      expect(await after.answer).toEqual({ name: "new" });
    } finally {
      cache.close();
    }
  });

  it("fails the reads that waited with the call's failure, without calls of their own", async () => {
    const { cache, provider, read } = setup();
    try {
      const reads = [read(), read()];
      await settled();
      provider.calls[0]!.fail({ kind: "status", status: 503, problem: {} });
      const outcomes = await Promise.allSettled(reads.map(r => r.answer));
      expect(outcomes.map(o => (o.status === "rejected" ? (o.reason as Error).message : o.status))).toEqual([
        "provider failed: status",
        "provider failed: status",
      ]);
      expect(provider.calls).toHaveLength(1);
    } finally {
      cache.close();
    }
  });

  it("answers the reads that waited for a failed call from a stale answer, as the one that called", async () => {
    const { cache, provider, read } = setup(300);
    const realNow = Date.now;
    try {
      const first = read();
      await settled();
      provider.calls[0]!.answer({ status: 200, headers: json, body: '{"name":"Ada"}' });
      await first.answer;
      await settled();
      // Past the TTL, within the stale window.
      const later = realNow() + 61_000;
      Date.now = () => later;
      const reads = [read(), read()];
      await settled();
      expect(provider.calls).toHaveLength(2);
      provider.calls[1]!.fail({ kind: "timeout" });
      expect(await Promise.all(reads.map(r => r.answer))).toEqual([{ name: "Ada" }, { name: "Ada" }]);
      expect(reads.map(r => r.recorder.cachedReads.map(c => c.outcome))).toEqual([["stale"], ["stale"]]);
    } finally {
      Date.now = realNow;
      cache.close();
    }
  });

  it("does not share an answer the provider marked no-store: each read asks for its own", async () => {
    const { cache, provider, read } = setup();
    try {
      const reads = [read(), read()];
      await settled();
      expect(provider.calls).toHaveLength(1);
      provider.calls[0]!.answer({ status: 200, headers: { ...json, "cache-control": "no-store" }, body: '{"name":"Ada"}' });
      await settled();
      expect(provider.calls).toHaveLength(2);
      provider.calls[1]!.answer({ status: 200, headers: { ...json, "cache-control": "no-store" }, body: '{"name":"Ada, again"}' });
      expect(await Promise.all(reads.map(r => r.answer))).toEqual([{ name: "Ada" }, { name: "Ada, again" }]);
      expect(reads.map(r => r.recorder.noStore)).toEqual([true, true]);
    } finally {
      cache.close();
    }
  });
});
