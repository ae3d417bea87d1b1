import { type Logger } from "pino";
import { type ProviderId } from "../contract/provider-facts.js";
import { RedisIdempotencyStore } from "../idempotency/redis-store.js";
import { RedisKeyValueCache } from "./redis-apq-cache.js";
import { connectRedis, HEARTBEAT_MS, RECONNECT_MAX_MS, REDIS_KEY_PREFIX } from "./redis-client.js";
import { LeaseBook, RedisConcurrencyLimiter } from "./redis-limiter.js";
import { redisReadStore } from "./redis-read-store.js";
import { type SharedState } from "./shared-state.js";

const APQ_PREFIX = `${REDIS_KEY_PREFIX}apq:`;
const READ_PREFIX = `${REDIS_KEY_PREFIX}read:`;

/** How the shared Redis is used: its URL and how long one command may take. */
export interface RedisStateOptions {
  url: string;
  /** Longest a command may take (well inside the upstream deadline); see `Config.redisCommandTimeoutMs`. */
  commandTimeoutMs: number;
  logger?: Logger;
}

/**
 * Shared state in Redis (`REDIS_URL`): the APQ cache, the concurrency budgets, the idempotency
 * answers and the read cache, over one connection whose commands are bounded (`redis-client.ts`).
 * Ready while Redis answers.
 */
export async function redisState({ url, commandTimeoutMs, logger }: RedisStateOptions): Promise<SharedState> {
  const shared = await connectRedis(url, { commandTimeoutMs, logger });
  const { redis, where } = shared;
  // Long enough for every replica to see a Redis that lost its state and re-register its calls in
  // flight: a reconnection pause, a heartbeat and a few commands.
  const settleMs = RECONNECT_MAX_MS + HEARTBEAT_MS + 2 * commandTimeoutMs;
  const book = new LeaseBook(redis, settleMs, reregistered =>
    logger?.warn(
      { redis: where, reregistered },
      `Redis at ${where} lost its state (restarted empty or flushed): re-registered ${reregistered} leases of calls in flight; no concurrency slot is granted for ${settleMs} ms while every replica does the same`,
    ),
  );
  // A replica holding leases checks every heartbeat that Redis still has them.
  shared.onHeartbeat(recovered => {
    if (recovered || book.size > 0) book.sync().catch(() => undefined);
  });
  return {
    kind: "redis",
    describe: () =>
      shared.answering()
        ? `shared state in Redis at ${where} (connected)`
        : `shared state in Redis at ${where}: NOT connected yet (/readyz answers 503 and calls to providers with a concurrency budget are refused until it is)`,
    apqCache: new RedisKeyValueCache(redis, APQ_PREFIX),
    limiter: (provider: ProviderId, max: number) =>
      new RedisConcurrencyLimiter(redis, provider.toLowerCase(), max, book),
    idempotencyStore: options => new RedisIdempotencyStore(redis, options),
    readStore: () => redisReadStore(shared, READ_PREFIX),
    ready: () => shared.answering(),
    unreadyReason: () => shared.problem(),
    close: () => shared.close(),
  };
}
