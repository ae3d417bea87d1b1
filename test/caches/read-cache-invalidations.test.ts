import { describe, expect, it } from "@jest/globals";
import { memoryReadStore } from "../../src/caches/memory-read-store.js";
import { SYSTEM_CLOCK } from "../../src/clock.js";
import { ReadCache } from "../../src/caches/read-cache.js";
import { type ReadCacheStore } from "../../src/caches/read-cache-store.js";
import { type TransportResponse } from "../../src/rest/transport.js";

// A write whose invalidation the store (Redis) did not take: this process keeps the reads that
// write changed away from the store until the store takes it. What it remembers meanwhile is
// bounded, and the retries go one at a time.

/** The in-memory store, with invalidations refused while `down` and every call counted. */
function flakyStore() {
  const inner = memoryReadStore(1 << 20, SYSTEM_CLOCK);
  const counts = { lookups: 0, invalidations: 0 };
  const state = { down: true };
  const store: ReadCacheStore = {
    kind: "memory",
    lookup(...args) {
      counts.lookups += 1;
      return inner.lookup(...args);
    },
    save: (...args) => inner.save(...args),
    async invalidate(keys) {
      counts.invalidations += 1;
      if (state.down) throw new Error("store not answering");
      return inner.invalidate(keys);
    },
  };
  return { store, counts, state };
}

const ENDPOINT = { method: "GET", path: "/v1/profile" };
const answer: TransportResponse = { status: 200, headers: { "content-type": "application/json" }, body: '{"name":"Ada"}' };

function setup() {
  const { store, counts, state } = flakyStore();
  const cache = new ReadCache({ ttlSeconds: 60, staleIfErrorSeconds: 0, store, keyer: credential => `k-${credential}` });
  const scope = (credential: string) =>
    cache.scope("DEPICTA", credential, { holdsSecret: () => false, parse: body => JSON.parse(body) as unknown });
  let fetches = 0;
  const read = (credential: string) =>
    cache.read(scope(credential), ENDPOINT, async capture => {
      fetches += 1;
      capture.response = answer;
      return JSON.parse(answer.body) as unknown;
    });
  const write = (credential: string) => cache.write(scope(credential), [ENDPOINT], Promise.resolve("written"));
  return { cache, counts, state, read, write, fetches: () => fetches };
}

describe("read cache: invalidations the store did not take", () => {
  it("retries them one at a time however many reads wait on them, and serves those reads from the provider", async () => {
    const { cache, counts, read, write, fetches } = setup();
    try {
      await write("key-a");
      expect(counts.invalidations).toBe(1);
      await Promise.all(Array.from({ length: 5 }, () => read("key-a")));
      // One retry for the five reads, and each read asked the provider.
      expect(counts.invalidations).toBe(2);
      expect(fetches()).toBe(5);
    } finally {
      cache.close();
    }
  });

  it("remembers at most 10,000 scopes; past that it keeps off the store altogether rather than forget one", async () => {
    const { cache, counts, state, read, write } = setup();
    try {
      for (let i = 0; i < 10_000; i++) await write(`key-${i}`);
      // Within the bound: an unrelated credential still reads through the store.
      await read("unrelated");
      expect(counts.lookups).toBe(1);
      // One scope more than the bound: no read of anyone goes to the store while one might be stale.
      await write("key-10000");
      await read("another");
      await read("key-10000");
      expect(counts.lookups).toBe(1);
      // Once the store takes invalidations again, the remembered scopes are forgotten there, but
      // the one past the bound was never remembered: the store stays out until it would have expired.
      state.down = false;
      await read("key-0");
      expect(counts.lookups).toBe(1);
    } finally {
      cache.close();
    }
  });
});
