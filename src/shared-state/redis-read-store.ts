import { type ReadCacheStore } from "../caches/read-cache-store.js";
import { type SharedRedis } from "./redis-client.js";
import { redisScript } from "./redis-script.js";

// KEYS: the scope, the entry. ARGV: a new epoch, its lifetime in ms. The scope's epoch (made when
// it has none), the entry's text (false when none) and its milliseconds left (PTTL; negative when
// none). One round trip for a hit.
const LOOKUP = `
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  epoch = ARGV[1]
  redis.call('SET', KEYS[1], epoch, 'PX', ARGV[2])
end
return {epoch, redis.call('GET', KEYS[2]), redis.call('PTTL', KEYS[2])}
`;

// KEYS: the scope, the entry. ARGV: the epoch the lookup saw, the text, its lifetime in ms. Kept
// only while the scope still has that epoch; the scope then lives at least as long as the entry.
const SAVE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1
`;

/**
 * The read cache in the Redis every replica shares (`REDIS_URL`), under `prefix`: a write on one
 * replica is seen by the next lookup on any of them. Every key has a TTL (`PX`), so nothing
 * outlives its window. Commands are bounded by the shared connection (`redis-client.ts`); while
 * its heartbeat finds Redis not answering, the store fails at once rather than making every read
 * wait for a command timeout. Only this store does: a read the cache cannot serve simply goes to
 * the provider, while the budget and idempotency keys would refuse the request, so they still
 * try Redis (bounded) rather than act on one late heartbeat.
 */
export function redisReadStore(shared: SharedRedis, prefix: string): ReadCacheStore {
  const { redis } = shared;
  const lookup = redisScript(redis, "readCacheLookup", LOOKUP);
  const save = redisScript(redis, "readCacheSave", SAVE);
  const usable = () => {
    if (!shared.answering()) throw new Error(shared.problem() ?? "redis not answering");
  };
  return {
    kind: "redis",
    async lookup(scopeKey, entryKey, newEpoch, epochLifeMs) {
      usable();
      const [epoch, value, pttl] = (await lookup(2, prefix + scopeKey, prefix + entryKey, newEpoch, epochLifeMs)) as [
        string,
        string | null,
        number,
      ];
      return { epoch, value: value ?? undefined, remainingMs: value === null ? 0 : Math.max(0, pttl) };
    },
    async save(scopeKey, epoch, entryKey, value, lifeMs) {
      usable();
      return (await save(2, prefix + scopeKey, prefix + entryKey, epoch, value, lifeMs)) === 1;
    },
    async invalidate(scopeKeys) {
      usable();
      if (scopeKeys.length) await redis.del(...scopeKeys.map(key => prefix + key));
    },
  };
}
