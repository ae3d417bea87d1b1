import { type Logger } from "pino";
import { type Config } from "../config.js";
import { memoryState } from "./memory-state.js";
import { type SharedState } from "./shared-state.js";

export { type SharedState } from "./shared-state.js";

/** The shared state for this configuration: Redis when `REDIS_URL` is set, memory otherwise. */
export async function createSharedState(config: Config, logger?: Logger): Promise<SharedState> {
  if (config.redisUrl) {
    const { redisState } = await import("./redis-state.js");
    return redisState({ url: config.redisUrl, commandTimeoutMs: config.redisCommandTimeoutMs, logger });
  }
  return memoryState();
}
