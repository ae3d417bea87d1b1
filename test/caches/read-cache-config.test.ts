import { describe, expect, it } from "@jest/globals";
import { Registry } from "prom-client";
import { createReadCache } from "../../src/caches/create-read-cache.js";
import { credentialKeyer } from "../../src/caches/credential-key.js";
import { memoryState } from "../../src/shared-state/memory-state.js";
import { problemsOf } from "../helpers/config-problems.js";
import { loadConfig } from "../helpers/providers.js";

const SECRET = "0123456789abcdef0123456789abcdef-deployment";
const REDIS = "redis://127.0.0.1:6379";

describe("the read cache's configuration", () => {
  it("is off by default (today's behaviour): no cache is built and requests never touch one", () => {
    const { readCache } = loadConfig({});
    expect(readCache).toEqual({ ttlSeconds: 0, staleIfErrorSeconds: 0, maxBytes: 32 * 1024 * 1024, secret: undefined });
    const shared = memoryState();
    expect(createReadCache(readCache, { shared, registry: new Registry(), providers: [] })).toBeUndefined();
  });

  it("reads the TTL, the stale window, the memory bound and the secret", () => {
    const { readCache } = loadConfig({
      READ_CACHE_TTL_SECONDS: "30",
      STALE_IF_ERROR_SECONDS: "600",
      READ_CACHE_BYTES: "1048576",
      READ_CACHE_SECRET: SECRET,
    });
    expect(readCache).toEqual({ ttlSeconds: 30, staleIfErrorSeconds: 600, maxBytes: 1048576, secret: SECRET });
    const cache = createReadCache(readCache, { shared: memoryState(), registry: new Registry(), providers: [] });
    expect(cache).toBeDefined();
    cache!.close();
  });

  it("needs READ_CACHE_SECRET with REDIS_URL, so that replicas derive the same keys", () => {
    const needed = /^READ_CACHE_SECRET is required when the read cache is on/;
    expect(problemsOf({ REDIS_URL: REDIS, READ_CACHE_TTL_SECONDS: "30" })).toEqual([expect.stringMatching(needed)]);
    expect(problemsOf({ REDIS_URL: REDIS, STALE_IF_ERROR_SECONDS: "60" })).toEqual([expect.stringMatching(needed)]);
    expect(problemsOf({ REDIS_URL: REDIS, READ_CACHE_TTL_SECONDS: "30", READ_CACHE_SECRET: SECRET })).toEqual([]);
    // Off, or in one process (a random key of its own), it is not needed.
    expect(problemsOf({ REDIS_URL: REDIS })).toEqual([]);
    expect(problemsOf({ READ_CACHE_TTL_SECONDS: "30" })).toEqual([]);
  });

  it("refuses a short secret and values out of range, without echoing the secret", () => {
    const problems = problemsOf({ READ_CACHE_SECRET: "short-secret", READ_CACHE_TTL_SECONDS: "-1", READ_CACHE_BYTES: "10" });
    expect(problems).toEqual([
      expect.stringMatching(/^READ_CACHE_TTL_SECONDS must be an integer/),
      expect.stringMatching(/^READ_CACHE_BYTES must be an integer/),
      expect.stringMatching(/^READ_CACHE_SECRET must be at least 32 characters \(got 12\)/),
    ]);
    expect(problems.join(" ")).not.toContain("short-secret");
  });
});

describe("credentialKeyer", () => {
  it("is the same for every replica with the same secret, and differs with another secret", () => {
    const credential = "dpct_DemoMainQbORlmALwLblP7aa9msi7X36rP7V522cucT";
    const key = credentialKeyer(SECRET)(credential);
    expect(credentialKeyer(SECRET)(credential)).toBe(key);
    expect(credentialKeyer(`${SECRET}-other`)(credential)).not.toBe(key);
    expect(credentialKeyer(SECRET)(`${credential}x`)).not.toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("without a secret, uses a random key of this process", () => {
    const credential = "hostup_demo_full_7c41e9a2d0b35f68";
    expect(credentialKeyer(undefined)(credential)).not.toBe(credentialKeyer(undefined)(credential));
  });
});
