import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { redisScript } from "../../src/shared-state/redis-script.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";

// The shared state's Lua scripts against a real redis-server: what goes over the wire, and what a
// Redis that forgot its scripts does.
let redis: TestRedis;
let client: Redis;
let observer: Redis;
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
  observer = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all([client?.quit(), observer?.quit()]);
  await redis?.stop();
});

// Counts a script's runs in Redis itself, so that a script run twice by a resend would show.
const INCREMENT = `return redis.call('INCR', KEYS[1])`;

/** Redis's own count of EVAL and EVALSHA calls so far. */
async function scriptCalls(): Promise<{ eval: number; evalsha: number }> {
  const stats = await observer.info("commandstats");
  const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return { eval: calls("eval"), evalsha: calls("evalsha") };
}

describe("redisScript", () => {
  it("sends the script's text once per connection, then only its SHA1", async () => {
    const increment = redisScript(client, "testIncrement", INCREMENT);
    const before = await scriptCalls();
    for (let i = 1; i <= 5; i++) expect(await increment(1, "script-test:count")).toBe(i);
    const after = await scriptCalls();
    expect(after.eval - before.eval).toBe(1);
    expect(after.evalsha - before.evalsha).toBe(4);
  });

  it("after SCRIPT FLUSH, runs the script once more from its text: nothing runs twice", async () => {
    const increment = redisScript(client, "testIncrementAgain", INCREMENT);
    await observer.del("script-test:flushed");
    expect(await increment(1, "script-test:flushed")).toBe(1);
    await observer.script("FLUSH");
    // EVALSHA meets NOSCRIPT (it ran nothing), and the text goes again.
    expect(await increment(1, "script-test:flushed")).toBe(2);
    expect(await increment(1, "script-test:flushed")).toBe(3);
    expect(await observer.get("script-test:flushed")).toBe("3");
  });

  it("passes keys and values as EVAL takes them, a variable number of keys included", async () => {
    const setAll = redisScript(
      client,
      "testSetAll",
      `for i, key in ipairs(KEYS) do redis.call('SET', key, ARGV[i]) end return #KEYS`,
    );
    expect(await setAll(3, "script-test:a", "script-test:b", "script-test:c", "1", 2, "three")).toBe(3);
    expect(await observer.mget("script-test:a", "script-test:b", "script-test:c")).toEqual(["1", "2", "three"]);
  });
});
