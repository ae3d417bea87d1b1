import { type Redis } from "ioredis";

/** Runs one Lua script, with arguments as `EVAL` takes them after the script: key count, keys, values. */
export type RedisScript = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/**
 * `lua` as a command of `redis` (ioredis's `defineCommand`): each connection sends the text once
 * (EVAL) and then only its SHA1 (EVALSHA), so a call costs the script's name, not its text and a
 * hash of it on Redis's side (a new connection, after a reconnect or a restart, sends the text
 * again first). A Redis whose scripts were flushed (`SCRIPT FLUSH`) answers NOSCRIPT without
 * running anything, and ioredis sends the text again: a second command, with its own timeout, so a
 * Redis that stalls just then costs up to twice the connection's bound. `name` is the command's
 * name on this client: one per script.
 */
export function redisScript(redis: Redis, name: string, lua: string): RedisScript {
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, RedisScript>)[name]!;
  return (numberOfKeys, ...keysAndArgs) => command.call(redis, numberOfKeys, ...keysAndArgs);
}
