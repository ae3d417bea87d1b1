import { randomUUID } from "node:crypto";
import { type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";
import { type Logger } from "pino";
import { type ProviderId } from "../contract/provider-facts.js";
import { ConcurrencyDeadlineError } from "../rest/concurrency-limiter.js";
import { type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { type SharedState } from "./shared-state.js";
import { setTimeout as sleep } from "node:timers/promises";

const PREFIX = "account-graph:";

/** Apollo's KeyValueCache over Redis (persisted queries registered on one replica serve on all). */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      // Redis unreachable: a miss, not a failure. Apollo then answers PERSISTED_QUERY_NOT_FOUND and
      // clients resend the full query, which is served; a thrown error would be a 500 instead.
      return undefined;
    }
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
// ARGV: max, member, lease duration in ms (the caller's remaining deadline plus a margin). Leases
// differ in length, so the key's own expiry follows the longest one (never cut a live lease short).
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  redis.call('PEXPIRE', KEYS[1], tonumber(last[2]) - now + 1000)
  return 1
end
return 0
`;


/**
 * A concurrency budget shared by every replica through Redis: at most `max` leases per key. Waiters
 * poll with jittered backoff until their deadline (no FIFO across replicas). A lease lives until
 * `leaseMarginMs` past the deadline of the call that holds it (calls cannot outlive their
 * deadline), so a crashed replica's slots come back soon after its calls would have ended, and a
 * live call keeps its slot however long its deadline (`UPSTREAM_TIMEOUT_MS`) is.
 */
export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly max: number,
    private readonly leaseMarginMs = 5_000,
    /** Lease length for a caller without a finite deadline. */
    private readonly fallbackLeaseMs = 60_000,
  ) {}

  async acquire(key: string, deadline: number): Promise<() => void> {
    const zset = `${PREFIX}limit:${this.namespace}:${key}`;
    const member = randomUUID();
    let wait = 5;
    for (;;) {
      // A duration, not a timestamp: Redis adds it to its own clock, so clock skew does not matter.
      const remaining = deadline - Date.now();
      const leaseMs = Number.isFinite(remaining)
        ? Math.max(0, Math.ceil(remaining)) + this.leaseMarginMs
        : this.fallbackLeaseMs;
      const granted = await this.redis.eval(ACQUIRE, 1, zset, this.max, member, leaseMs);
      if (granted === 1) {
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.redis.zrem(zset, member).catch(() => undefined);
        };
      }
      const left = deadline - Date.now();
      // The same error as the in-memory limiter, so callers need not know which one they have.
      if (left <= 0) throw new ConcurrencyDeadlineError();
      await sleep(Math.min(left, wait / 2 + Math.random() * wait));
      wait = Math.min(wait * 2, 50);
    }
  }
}

/** Shared state in Redis (`REDIS_URL`): APQ cache and concurrency budgets. */
export async function redisState(url: string, logger?: Logger): Promise<SharedState> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true });
  const where = redisAddress(url);
  // A replica without its shared store must not look ready (it would break the shared budgets), but
  // it must not crash-loop either: it starts, reports not ready, and ioredis keeps reconnecting.
  if (logger) watchConnection(redis, where, logger);
  else redis.on("error", () => undefined);
  const connected = redis.connect().catch(() => undefined);
  // Usually Redis answers at once: wait briefly so a normal start is ready immediately.
  await Promise.race([connected, sleep(2000)]);
  return {
    kind: "redis",
    describe: () =>
      redis.status === "ready"
        ? `shared state in Redis at ${where} (connected)`
        : `shared state in Redis at ${where}: NOT connected yet (/readyz answers 503 and calls to providers with a concurrency budget are refused until it is)`,
    apqCache: new RedisKeyValueCache(redis, `${PREFIX}apq:`),
    limiter: (provider: ProviderId, max: number) => new RedisConcurrencyLimiter(redis, provider.toLowerCase(), max),
    ready: () => redis.status === "ready",
    unreadyReason: () => (redis.status === "ready" ? undefined : "redis unreachable"),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Host and port of a Redis URL: never its password, which may be in the URL. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** While Redis is down, at most one "still unreachable" line per this many milliseconds. */
export const REDIS_DOWN_LOG_INTERVAL_MS = 30_000;

// ioredis emits an error on every failed reconnect (several a second): log the loss once, a
// reminder now and then while it lasts, and the recovery.
function watchConnection(redis: Redis, where: string, logger: Logger): void {
  let down = false;
  let lastReminder = 0;
  redis.on("error", (error: Error) => {
    const reason = (error as { code?: string }).code ?? error.message;
    const now = Date.now();
    if (!down) {
      down = true;
      lastReminder = now;
      logger.error(
        { redis: where, reason },
        `Redis at ${where} is unreachable: /readyz answers 503, persisted queries miss and calls to providers with a concurrency budget are refused until it is back`,
      );
    } else if (now - lastReminder >= REDIS_DOWN_LOG_INTERVAL_MS) {
      lastReminder = now;
      logger.error({ redis: where, reason }, `Redis at ${where} is still unreachable`);
    }
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    logger.info({ redis: where }, `Redis at ${where} is reachable again`);
  });
}
