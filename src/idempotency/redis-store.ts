import { randomUUID } from "node:crypto";
import { type Redis } from "ioredis";
import { REDIS_KEY_PREFIX } from "../shared-state/redis-client.js";
import { redisScript, type RedisScript } from "../shared-state/redis-script.js";
import {
  type Claim,
  type IdempotencyStore,
  type IdempotencyStoreOptions,
  type Lease,
  type StoredAnswer,
} from "./store.js";

const PREFIX = `${REDIS_KEY_PREFIX}idem:`;

// One hash per entry: `fp` (the operation's fingerprint), `owner` (the running request's lease
// token, while it runs) and `answer` (once kept). Every step is one script, so that a claim, a
// keep or a release sees and changes the entry at once, whichever replica sends it.

// KEYS: the entry. ARGV: fingerprint, owner token, lease ms. Returns {1} claimed, {2} reused
// (another fingerprint), {3, answer} replay, {4} in use.
const CLAIM = `
local entry = redis.call('HMGET', KEYS[1], 'fp', 'answer')
if not entry[1] then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'owner', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  return {1}
end
if entry[1] ~= ARGV[1] then return {2} end
if entry[2] then return {3, entry[2]} end
return {4}
`;

// KEYS: the entry. ARGV: owner token, lease ms. Extends a lease still held by this owner.
const RENEW = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`;

// KEYS: the entry. ARGV: owner token, answer, TTL in seconds. Keeps the answer if the lease is
// still this owner's (a lease that lapsed may have been claimed by a retry since).
const KEEP = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'answer', ARGV[2])
redis.call('HDEL', KEYS[1], 'owner')
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

// KEYS: the entry. ARGV: an answer that could not be read. Drops the entry if it still holds it.
const DROP_UNREADABLE = `
if redis.call('HGET', KEYS[1], 'answer') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

// KEYS: the entry. ARGV: owner token. Frees the key if this owner still holds it.
const RELEASE = `
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * The store replicas share, in Redis over the process's one connection (`shared-state/redis-client.ts`:
 * every command bounded, none resent). A claim is a lease of `leaseMs` that its request renews
 * every third of that while it runs; a replica that dies mid-request stops renewing, and a retry
 * after the lease runs the mutation again. A kept answer lives `ttlSeconds`. Every replica reads
 * the same entries, so a retry is replayed wherever it lands.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly scripts: Record<"claim" | "release" | "dropUnreadable" | "renew" | "keep", RedisScript>;

  constructor(
    redis: Redis,
    private readonly options: Pick<IdempotencyStoreOptions, "ttlSeconds" | "leaseMs">,
  ) {
    this.scripts = {
      claim: redisScript(redis, "idempotencyClaim", CLAIM),
      release: redisScript(redis, "idempotencyRelease", RELEASE),
      dropUnreadable: redisScript(redis, "idempotencyDropUnreadable", DROP_UNREADABLE),
      renew: redisScript(redis, "idempotencyRenew", RENEW),
      keep: redisScript(redis, "idempotencyKeep", KEEP),
    };
  }

  claim(id: string, fingerprint: string): Promise<Claim> {
    return this.claimEntry(PREFIX + id, fingerprint, false);
  }

  private async claimEntry(key: string, fingerprint: string, retried: boolean): Promise<Claim> {
    const owner = randomUUID();
    let reply: [number, string?];
    try {
      reply = (await this.scripts.claim(1, key, fingerprint, owner, this.options.leaseMs)) as [number, string?];
    } catch (error) {
      // Redis may still run the script once it answers again: free what it would have claimed.
      this.scripts.release(1, key, owner).catch(() => undefined);
      throw error;
    }
    switch (reply[0]) {
      case 1:
        return { kind: "claimed", lease: this.lease(key, owner) };
      case 2:
        return { kind: "reused" };
      case 3: {
        const kept = reply[1]!;
        try {
          return { kind: "replay", answer: decodeAnswer(kept) };
        } catch (error) {
          // An entry this version cannot read (damaged, or kept in another format) would refuse the
          // key until it expires: drop it, and the request runs as a first one (every mutation sets
          // values, so running one again is safe: docs/api.md).
          if (retried) throw error;
          await this.scripts.dropUnreadable(1, key, kept);
          return this.claimEntry(key, fingerprint, true);
        }
      }
      default:
        return { kind: "in-use" };
    }
  }

  private lease(key: string, owner: string): Lease {
    const { leaseMs, ttlSeconds } = this.options;
    const renew = setInterval(() => {
      this.scripts.renew(1, key, owner, leaseMs).catch(() => undefined);
    }, Math.max(1, Math.floor(leaseMs / 3)));
    // A request in flight keeps the process alive by itself; its lease timer need not.
    renew.unref();
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearInterval(renew);
      return true;
    };
    return {
      keep: async (answer: StoredAnswer) => {
        if (!settle()) return false;
        try {
          return (await this.scripts.keep(1, key, owner, encodeAnswer(answer), ttlSeconds)) === 1;
        } catch {
          return false;
        }
      },
      release: async () => {
        if (!settle()) return;
        // A release Redis does not get is a lease that lapses by itself.
        await this.scripts.release(1, key, owner).catch(() => undefined);
      },
    };
  }
}

/** An answer as Redis keeps it: one JSON string (the body a string in it, so its text comes back exactly). */
export function encodeAnswer(answer: StoredAnswer): string {
  return JSON.stringify([answer.status, answer.headers, answer.body]);
}

/** The answer {@link encodeAnswer} wrote. Throws on anything else. */
export function decodeAnswer(text: string): StoredAnswer {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text in its message, and this text is someone's account data.
    throw new Error("not a kept answer");
  }
  if (
    !Array.isArray(value) ||
    typeof value[0] !== "number" ||
    !Array.isArray(value[1]) ||
    typeof value[2] !== "string"
  ) {
    throw new Error("not a kept answer");
  }
  return { status: value[0], headers: value[1] as StoredAnswer["headers"], body: value[2] };
}
