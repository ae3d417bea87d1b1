import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type Redis } from "ioredis";
import { ConcurrencyDeadlineError, type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { REDIS_KEY_PREFIX as PREFIX } from "./redis-client.js";
import { redisScript, type RedisScript } from "./redis-script.js";

// A lease outlives its call's deadline by this much (a crashed replica's slots come back then).
const LEASE_MARGIN_MS = 5_000;
// Lease length for a caller without a finite deadline.
const FALLBACK_LEASE_MS = 60_000;
// Which state of Redis the leases live in: a Redis that restarted empty (or was flushed) has no
// epoch, and the leases of calls still in flight went with the old one.
const EPOCH_KEY = `${PREFIX}budget:epoch`;
// While this key lives, no lease is granted: replicas holding calls in flight re-register them.
const SETTLING_KEY = `${PREFIX}budget:settling`;

// A lease is a sorted-set member scored by its expiry (Redis server time, so replica clocks do not
// matter). Expired leases — a replica that died holding slots — are dropped before counting.
// KEYS: the leases, the epoch, the settling flag. ARGV: max, member, lease duration in ms (the
// caller's remaining deadline plus a margin), the epoch the caller knows. Leases differ in length,
// so the key's own expiry follows the longest one (never cut a live lease short). Returns 1
// (granted), 0 (full, or settling) or -1: the caller does not know Redis's epoch (none yet, or
// Redis lost its state) and gets nothing until it has synced.
const ACQUIRE = `
if redis.call('GET', KEYS[2]) ~= ARGV[4] then return -1 end
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
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

// KEYS: the epoch, the settling flag, then the lease set of each lease to re-register. ARGV: the
// epoch the caller knows ('' for none), a new epoch id, the settling time in ms, then a member and
// its remaining ms per lease. Creates the epoch when Redis has none. A caller that knew another
// epoch has seen this Redis lose its state: nobody gets a lease for the settling time (unless
// another replica started it already), and the caller's leases are counted again. Returns the epoch.
const SYNC = `
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  epoch = ARGV[2]
  redis.call('SET', KEYS[1], epoch)
end
if ARGV[1] ~= '' and ARGV[1] ~= epoch then
  if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[2], '1', 'PX', tonumber(ARGV[3]), 'NX') end
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  for i = 3, #KEYS do
    local at = (i - 3) * 2 + 4
    redis.call('ZADD', KEYS[i], now + tonumber(ARGV[at + 1]), ARGV[at])
    local last = redis.call('ZRANGE', KEYS[i], -1, -1, 'WITHSCORES')
    redis.call('PEXPIRE', KEYS[i], tonumber(last[2]) - now + 1000)
  end
end
return epoch
`;

interface Lease {
  zset: string;
  /** Local clock: when the lease ends (the holder's deadline plus the margin). */
  expiresAt: number;
}

/**
 * The leases one process holds in Redis, and the epoch of Redis they were granted in. A Redis that
 * restarts empty (the non-persistent deployment) or is flushed loses the leases of calls still in
 * flight, and a budget counted from nothing would let those calls' successors through on top of
 * them. So every replica remembers its own leases; the first replica to see the new state makes
 * Redis grant nothing for `settleMs`, and each replica re-registers what it holds as soon as it
 * sees it (on reconnecting, on every heartbeat while it holds leases, before its next lease).
 * One per Redis connection, shared by its limiters.
 */
export class LeaseBook {
  private epoch = "";
  private readonly leases = new Map<string, Lease>();
  private syncing: Promise<string> | undefined;
  private readonly syncScript: RedisScript;

  /**
   * @param settleMs how long a Redis found without its state grants nothing: long enough for every
   *   replica to reconnect and re-register (reconnect pause, a heartbeat, a few round trips).
   * @param onLost told when this process finds Redis lost its state, with the leases it re-registered.
   */
  constructor(
    redis: Redis,
    private readonly settleMs: number,
    private readonly onLost?: (reregistered: number) => void,
  ) {
    this.syncScript = redisScript(redis, "budgetSync", SYNC);
  }

  /** The epoch this process knows ('' before its first sync). */
  get known(): string {
    return this.epoch;
  }

  /** Leases held right now. */
  get size(): number {
    return this.leases.size;
  }

  hold(member: string, lease: Lease): void {
    this.leases.set(member, lease);
  }

  drop(member: string): void {
    this.leases.delete(member);
  }

  /**
   * Learn Redis's epoch, creating it on a fresh Redis; when it is not the one this process knew,
   * re-register the leases still held (calls in flight). One sync at a time; rejects when Redis
   * does not answer.
   */
  sync(): Promise<string> {
    this.syncing ??= this.run().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async run(): Promise<string> {
    const known = this.epoch;
    const now = Date.now();
    const held = known ? [...this.leases.entries()].filter(([, lease]) => lease.expiresAt > now) : [];
    const keys = [EPOCH_KEY, SETTLING_KEY, ...held.map(([, lease]) => lease.zset)];
    const args = [known, randomUUID(), this.settleMs, ...held.flatMap(([member, lease]) => [member, lease.expiresAt - now])];
    const epoch = String(await this.syncScript(keys.length, ...keys, ...args));
    if (known && epoch !== known) this.onLost?.(held.length);
    this.epoch = epoch;
    return epoch;
  }
}

/**
 * A concurrency budget shared by every replica through Redis: at most `max` leases per key. Waiters
 * poll with jittered backoff until their deadline (no FIFO across replicas). A lease lives until
 * `leaseMarginMs` past the deadline of the call that holds it (calls cannot outlive their
 * deadline), so a crashed replica's slots come back soon after its calls would have ended, and a
 * live call keeps its slot however long its deadline (`UPSTREAM_TIMEOUT_MS`) is. The leases survive
 * a Redis that restarts empty through the {@link LeaseBook}. A Redis that does not answer makes
 * `acquire` reject with the connection's error (its commands are bounded, see `redis-client.ts`).
 */
export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly acquireScript: RedisScript;

  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
    private readonly max: number,
    /** The leases of this Redis connection, shared by its limiters. */
    private readonly book: LeaseBook,
    private readonly leaseMarginMs = LEASE_MARGIN_MS,
  ) {
    this.acquireScript = redisScript(redis, "budgetAcquire", ACQUIRE);
  }

  async acquire(key: string, deadline: number): Promise<() => void> {
    const zset = `${PREFIX}limit:${this.namespace}:${key}`;
    const member = randomUUID();
    let wait = 5;
    let synced = false;
    for (;;) {
      // A duration, not a timestamp: Redis adds it to its own clock, so clock skew does not matter.
      const remaining = deadline - Date.now();
      const leaseMs = Number.isFinite(remaining)
        ? Math.max(0, Math.ceil(remaining)) + this.leaseMarginMs
        : FALLBACK_LEASE_MS;
      let granted: unknown;
      try {
        granted = await this.acquireScript(3, zset, EPOCH_KEY, SETTLING_KEY, this.max, member, leaseMs, this.book.known);
      } catch (error) {
        // Redis may still run the script once it answers again: take back what it would grant.
        this.redis.zrem(zset, member).catch(() => undefined);
        throw error;
      }
      if (granted === 1) {
        this.book.hold(member, { zset, expiresAt: Date.now() + leaseMs });
        let released = false;
        return () => {
          if (released) return;
          released = true;
          this.book.drop(member);
          this.redis.zrem(zset, member).catch(() => undefined);
        };
      }
      if (granted === -1) {
        // A Redis this process has not synced with (its first lease, or Redis lost its state):
        // sync, then ask again (at once the first time, like the first attempt of any acquire).
        if (synced && deadline - Date.now() <= 0) throw new ConcurrencyDeadlineError();
        await this.book.sync();
        synced = true;
        continue;
      }
      const left = deadline - Date.now();
      // The same error as the in-memory limiter, so callers need not know which one they have.
      if (left <= 0) throw new ConcurrencyDeadlineError();
      await sleep(Math.min(left, wait / 2 + Math.random() * wait));
      wait = Math.min(wait * 2, 50);
    }
  }
}
