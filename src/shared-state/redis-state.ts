import { randomUUID } from "node:crypto";
import { type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import { type Provider } from "../providers/provider.js";
import { type ConcurrencyLimiter } from "../rest/rest-client.js";
import { type SharedState } from "./shared-state.js";

const PREFIX = "account-graph:";

/** Apollo's KeyValueCache over Redis (persisted queries registered on one replica serve on all). */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (options?.ttl) await this.redis.set(this.prefix + key, value, "EX", Math.ceil(options.ttl));
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

// A lease is a sorted-set member scored by its expiry (Redis server time, so replica clocks do not
// matter). Expired leases — a replica that died holding slots — are dropped before counting.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) + 1000)
  return 1
end
return 0
`;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * A concurrency budget shared by every replica through Redis: at most `max` leases per key. Waiters
 * poll with jittered backoff until their deadline (no FIFO across replicas). A lease lives at most
 * `leaseMs` past its deadline-bound call, so a crashed replica cannot hold slots forever.
 */
export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly max: number,
    private readonly leaseMs = 30_000,
  ) {}

  async acquire(key: string, deadline: number): Promise<() => void> {
    const zset = `${PREFIX}limit:${this.namespace}:${key}`;
    const member = randomUUID();
    let wait = 5;
    for (;;) {
      const granted = await this.redis.eval(ACQUIRE, 1, zset, this.max, member, this.leaseMs);
      if (granted === 1) {
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.redis.zrem(zset, member).catch(() => undefined);
        };
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no concurrency slot became free before the deadline");
      await sleep(Math.min(left, wait / 2 + Math.random() * wait));
      wait = Math.min(wait * 2, 50);
    }
  }
}

/** Shared state in Redis (`REDIS_URL`): APQ cache and concurrency budgets. */
export async function redisState(url: string): Promise<SharedState> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true });
  // A replica without its shared store must not look ready (it would break the shared budgets).
  redis.on("error", () => undefined);
  await redis.connect();
  return {
    kind: "redis",
    apqCache: new RedisKeyValueCache(redis, `${PREFIX}apq:`),
    limiter: (provider: Provider, max: number) => new RedisConcurrencyLimiter(redis, provider.toLowerCase(), max),
    ready: () => redis.status === "ready",
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
