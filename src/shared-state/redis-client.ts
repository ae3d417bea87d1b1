import { Redis } from "ioredis";
import { type Logger } from "pino";

/** A heartbeat (PING) this often tells whether Redis answers, not only whether its socket is open. */
export const HEARTBEAT_MS = 1000;
/** The start of every key account-graph keeps in Redis (docs/operations.md lists them). */
export const REDIS_KEY_PREFIX = "account-graph:";
/** The longest pause between two reconnection attempts (ioredis' default grows to 2 s). */
export const RECONNECT_MAX_MS = 500;
/** A closing connection's socket (QUIT, or a dropped stalled one) is destroyed if still open this long after. */
const DISCONNECT_WAIT_MS = 100;
/**
 * Heartbeats in a row without an answer before the connection is dropped and made anew: a node
 * gone away leaves a socket that never errors, and a new Redis at the same address would otherwise
 * wait for TCP keep-alive (hours) to be found.
 */
const STALLED_HEARTBEATS = 3;
/** While Redis is down, at most one "still ..." line per this many milliseconds. */
const REDIS_DOWN_LOG_INTERVAL_MS = 30_000;

/**
 * The Redis every replica shares, as one connection whose every command is bounded. Callers need
 * no timeouts of their own: a command Redis does not answer within `commandTimeoutMs` fails with
 * an error (a stalled Redis costs a request that long, never the request's whole deadline), and a
 * command sent while the connection is down fails at once.
 */
export interface SharedRedis {
  readonly redis: Redis;
  /** `host:port`, never the password a URL may carry: for messages. */
  readonly where: string;
  /** True while connected and the last heartbeat was answered in time. */
  answering(): boolean;
  /** Why Redis cannot be used right now (for /readyz), or undefined. */
  problem(): string | undefined;
  /**
   * Call `listener` after every answered heartbeat; `recovered` is true for the first answer and
   * the first after a loss (a reconnection, a stall that ended).
   */
  onHeartbeat(listener: (recovered: boolean) => void): void;
  /** Stop the heartbeat and close the connection. */
  close(): Promise<void>;
}

/**
 * Connect to `url` (lazily: resolves once the first connection answered or failed). ioredis keeps
 * reconnecting while Redis is down; nothing here ever throws for a Redis that is away.
 */
export async function connectRedis(url: string, options: { commandTimeoutMs: number; logger?: Logger }): Promise<SharedRedis> {
  const { commandTimeoutMs, logger } = options;
  const redis = new Redis(url, {
    lazyConnect: true,
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(1000, 2 * commandTimeoutMs),
    // Commands fail at once while disconnected, and a command is never sent twice: one that was
    // on the wire when the connection dropped fails with it (a resent lease request could be
    // granted twice; a queued one would wait for a Redis that may not come back).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: times => Math.min(times * 50, RECONNECT_MAX_MS),
    // How long a disconnect waits for the socket's "close" before destroying it. ioredis arms that
    // wait even when the socket closed already (Redis unreachable), and its default of 2 s then
    // kept a stopped server's process alive that long after `close()`.
    disconnectTimeout: DISCONNECT_WAIT_MS,
  });
  const where = redisAddress(url);
  const health = watchHealth(where, commandTimeoutMs, logger);
  const listeners: ((recovered: boolean) => void)[] = [];
  let misses = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const beat = async (): Promise<void> => {
    if (closed || redis.status !== "ready") return;
    try {
      await redis.ping();
      misses = 0;
      const recovered = health.up();
      for (const listener of listeners) listener(recovered);
    } catch (error) {
      if (closed || redis.status !== "ready") return;
      health.down("stalled", (error as Error).message);
      misses += 1;
      if (misses >= STALLED_HEARTBEATS) {
        misses = 0;
        redis.disconnect(true);
      }
    }
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void beat().finally(schedule), HEARTBEAT_MS);
    timer.unref();
  };

  redis.on("error", (error: Error) => {
    if (!closed) health.down("unreachable", (error as { code?: string }).code ?? error.message);
  });
  redis.on("close", () => {
    if (!closed) health.down("unreachable", "connection closed");
  });
  // A new connection counts as answering (readiness) once it answered a heartbeat: at once.
  redis.on("ready", () => void beat());
  const first = redis.connect().then(beat, () => undefined);
  // Usually Redis answers at once: wait briefly so that a normal start is ready immediately.
  let waited: NodeJS.Timeout | undefined;
  await Promise.race([first, new Promise(resolve => (waited = setTimeout(resolve, 2000)))]);
  clearTimeout(waited);
  schedule();

  return {
    redis,
    where,
    answering: () => redis.status === "ready" && health.isUp(),
    problem: () => (redis.status !== "ready" ? "redis unreachable" : health.isUp() ? undefined : "redis not answering"),
    onHeartbeat: listener => {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Host and port of a Redis URL: never its password, which may be in the URL. */
function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

const CONSEQUENCES =
  "/readyz answers 503, persisted queries miss, and calls to providers with a concurrency budget and mutations sent with an Idempotency-Key are refused until it is back";

// Whether Redis is usable, with one log line per loss, a reminder now and then while it lasts
// (ioredis reports every failed reconnect, several a second), and one for the recovery.
function watchHealth(where: string, commandTimeoutMs: number, logger: Logger | undefined) {
  let up = false;
  let reported: "unreachable" | "stalled" | undefined;
  let lastReminder = 0;
  return {
    isUp: () => up,
    /** Redis answered: true when this is news (it was down, or this is its first answer). */
    up(): boolean {
      const news = !up;
      up = true;
      if (reported) logger?.info({ redis: where }, `Redis at ${where} is reachable again`);
      reported = undefined;
      return news;
    },
    down(kind: "unreachable" | "stalled", reason = "no reply"): void {
      up = false;
      if (!logger) return;
      const now = Date.now();
      if (reported === undefined) {
        reported = kind;
        lastReminder = now;
        const what = kind === "stalled" ? `does not answer (no reply within ${commandTimeoutMs} ms)` : "is unreachable";
        logger.error({ redis: where, reason }, `Redis at ${where} ${what}: ${CONSEQUENCES}`);
      } else if (now - lastReminder >= REDIS_DOWN_LOG_INTERVAL_MS) {
        lastReminder = now;
        const what = reported === "stalled" ? "still does not answer" : "is still unreachable";
        logger.error({ redis: where, reason }, `Redis at ${where} ${what}`);
      }
    },
  };
}
