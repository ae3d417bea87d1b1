import { type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import { type Redis } from "ioredis";

/**
 * Apollo's KeyValueCache over the shared Redis connection (persisted queries registered on one
 * replica serve on all). A read Redis cannot answer is a miss, within the connection's command
 * timeout (`redis-client.ts`).
 */
// Apollo's own adapter (`@apollo/utils.keyvadapter` over keyv) would need `@keyv/redis`, a second
// Redis client (node-redis) beside the ioredis connection the budgets use, with its own timeouts
// and reconnection, and it reports a failed read as an error (a 500) rather than a miss.
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      // Redis unreachable or not answering: a miss, not a failure. Apollo then answers
      // PERSISTED_QUERY_NOT_FOUND and clients resend the full query, which is served; a thrown
      // error would be a 500 instead. The connection logs the outage once.
      return undefined;
    }
  }

  /** Rejects when Redis did not store it (Apollo logs that as a warning and serves the request). */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      if (options?.ttl) await this.redis.set(this.prefix + key, value, "EX", Math.ceil(options.ttl));
      else await this.redis.set(this.prefix + key, value);
    } catch (error) {
      // ioredis says "Command timed out": the log line must say what did not answer.
      throw new Error(`persisted query not stored in Redis: ${(error as Error).message}`);
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}
