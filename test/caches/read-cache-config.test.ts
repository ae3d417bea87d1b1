import { describe, expect, it } from "@jest/globals";
import { Registry } from "prom-client";
import { createReadCache } from "../../src/caches/create-read-cache.js";
import { SYSTEM_CLOCK } from "../../src/clock.js";
import { credentialHash } from "../../src/shared-state/credential-hash.js";
import { memoryState } from "../../src/shared-state/memory-state.js";
import { startupWarnings } from "../../src/startup.js";
import { problemsOf } from "../helpers/config-problems.js";
import { loadConfig } from "../helpers/providers.js";

const hash = credentialHash(undefined, false);

describe("the read cache's configuration", () => {
  it("is off by default (today's behaviour): no cache is built and requests never touch one", () => {
    const { readCache } = loadConfig({});
    expect(readCache).toEqual({ ttlSeconds: 0, staleIfErrorSeconds: 0, maxBytes: 32 * 1024 * 1024 });
    expect(createReadCache(readCache, { shared: memoryState(), hash, registry: new Registry(), providers: [], clock: SYSTEM_CLOCK })).toBeUndefined();
  });

  it("reads the TTL, the stale window and the memory bound; either duration turns it on", () => {
    const { readCache } = loadConfig({ READ_CACHE_TTL_SECONDS: "30", STALE_IF_ERROR_SECONDS: "600", READ_CACHE_BYTES: "1048576" });
    expect(readCache).toEqual({ ttlSeconds: 30, staleIfErrorSeconds: 600, maxBytes: 1048576 });
    for (const env of [{ READ_CACHE_TTL_SECONDS: "30" }, { STALE_IF_ERROR_SECONDS: "60" }]) {
      const cache = createReadCache(loadConfig(env).readCache, { shared: memoryState(), hash, registry: new Registry(), providers: [], clock: SYSTEM_CLOCK });
      expect(cache).toBeDefined();
      cache!.close();
    }
  });

  it("refuses values out of range", () => {
    expect(problemsOf({ READ_CACHE_TTL_SECONDS: "-1", STALE_IF_ERROR_SECONDS: "1e3", READ_CACHE_BYTES: "10" })).toEqual([
      expect.stringMatching(/^READ_CACHE_TTL_SECONDS must be an integer from 0 to 86400/),
      expect.stringMatching(/^STALE_IF_ERROR_SECONDS must be an integer from 0 to 604800/),
      expect.stringMatching(/^READ_CACHE_BYTES must be an integer from 65536/),
    ]);
  });

  it("keys credentials with CREDENTIAL_HASH_SECRET: the start warns when Redis is shared without it", () => {
    const warnings = startupWarnings(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", READ_CACHE_TTL_SECONDS: "30" }));
    expect(warnings).toEqual([expect.stringContaining("the read cache")]);
    expect(startupWarnings(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", READ_CACHE_TTL_SECONDS: "30", CREDENTIAL_HASH_SECRET: "x".repeat(32) }))).toEqual([]);
  });
});
