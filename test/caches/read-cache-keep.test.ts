import { describe, expect, it } from "@jest/globals";
import { memoryReadStore } from "../../src/caches/memory-read-store.js";
import { SYSTEM_CLOCK } from "../../src/clock.js";
import { ReadCache } from "../../src/caches/read-cache.js";
import { type ReadCacheStore } from "../../src/caches/read-cache-store.js";
import { type TransportResponse } from "../../src/rest/transport.js";

// A miss answers as soon as the provider has. Keeping that answer (with Redis, a round trip)
// happens after the answer is on its way, and a save that lands after a write changed the read
// keeps nothing.

/** The in-memory store, with every save held until the test releases or fails it. */
function heldStore() {
  const inner = memoryReadStore(1 << 20, SYSTEM_CLOCK);
  const held: Array<{ release(): void; fail(error: Error): void }> = [];
  const store: ReadCacheStore = {
    kind: "memory",
    lookup: (...args) => inner.lookup(...args),
    save: (...args) =>
      new Promise<boolean>((resolve, reject) => {
        held.push({ release: () => resolve(inner.save(...args)), fail: reject });
      }),
    invalidate: keys => inner.invalidate(keys),
  };
  return { store, held };
}

const ENDPOINT = { method: "GET", path: "/v1/profile" };
const answer: TransportResponse = { status: 200, headers: { "content-type": "application/json" }, body: '{"name":"Ada"}' };

function setup() {
  const { store, held } = heldStore();
  const reported = { storeFailed: 0, warnings: [] as string[] };
  const cache = new ReadCache({
    ttlSeconds: 60,
    staleIfErrorSeconds: 0,
    store,
    keyer: credential => `k-${credential}`,
    observer: { read: () => undefined, invalidated: () => undefined, storeFailed: () => (reported.storeFailed += 1) },
    logger: { warn: (_fields: object, message: string) => reported.warnings.push(message), info: () => undefined } as never,
  });
  const scope = cache.scope("DEPICTA", "key-a", { holdsSecret: () => false, parse: body => JSON.parse(body) as unknown });
  let fetches = 0;
  const read = () =>
    cache.read(scope, ENDPOINT, async capture => {
      fetches += 1;
      capture.response = answer;
      return JSON.parse(answer.body) as unknown;
    });
  const write = () => cache.write(scope, [ENDPOINT], Promise.resolve("written"));
  return { cache, held, reported, read, write, fetches: () => fetches };
}

// Settles with the read's answer if it comes without anything but promise callbacks running in
// between (the store's save is held, so a read waiting for it never settles), else "waiting".
const withoutWaiting = (read: Promise<unknown>) =>
  Promise.race([read, new Promise(resolve => setImmediate(() => resolve("waiting")))]);

describe("read cache: keeping a provider's answer", () => {
  it("answers a miss without waiting for the store to keep it, and the kept answer serves the next read", async () => {
    const { cache, held, read, fetches } = setup();
    try {
      expect(await withoutWaiting(read())).toEqual({ name: "Ada" });
      expect(held).toHaveLength(1);
      held[0]!.release();
      expect(await read()).toEqual({ name: "Ada" });
      expect(fetches()).toBe(1);
    } finally {
      cache.close();
    }
  });

  it("keeps nothing when the save lands after a write changed the read", async () => {
    const { cache, held, read, write, fetches } = setup();
    try {
      await withoutWaiting(read());
      await write();
      held[0]!.release();
      await new Promise(resolve => setImmediate(resolve));
      // The late save carried the epoch the write made obsolete: the next read asks the provider.
      expect(await withoutWaiting(read())).toEqual({ name: "Ada" });
      expect(fetches()).toBe(2);
    } finally {
      cache.close();
    }
  });

  it("reports a store that fails to keep the answer, which costs the read nothing", async () => {
    const { cache, held, reported, read } = setup();
    try {
      expect(await withoutWaiting(read())).toEqual({ name: "Ada" });
      held[0]!.fail(new Error("store not answering"));
      await new Promise(resolve => setImmediate(resolve));
      expect(reported.storeFailed).toBe(1);
      expect(reported.warnings).toEqual(["read cache unavailable: reads go to the providers until it answers again"]);
    } finally {
      cache.close();
    }
  });
});
