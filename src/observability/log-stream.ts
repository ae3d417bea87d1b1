import { writeSync } from "node:fs";
import { isoTime } from "./iso-time.js";

/** A pino destination: lines in, written to a file descriptor. */
export interface LogStream {
  write(line: string): void;
  /** Write every waiting line now (pino's `logger.flush()` calls it; so does shutdown). */
  flush(callback?: (error?: Error) => void): void;
}

/** Options of {@link batchedLogStream}. */
export interface LogStreamOptions {
  /** Lines waiting beyond this many bytes are written at once. */
  batchBytes?: number;
  /** How long a line may wait for others before it is written. */
  lingerMs?: number;
  /**
   * The most bytes held while the descriptor accepts nothing (a non-blocking pipe whose reader
   * stalls): older lines are dropped past it, and a line says how many.
   */
  maxPendingBytes?: number;
}

const BATCH_BYTES = 64 * 1024;
const LINGER_MS = 20;
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
const RETRY_MS = 10;
// How long the exit hook keeps trying a full descriptor before the process ends anyway.
const EXIT_DRAIN_MS = 2000;

/**
 * pino's destination for the process log: lines wait up to {@link LogStreamOptions.lingerMs}
 * (20 ms) for others and go out together in one write(2), or at once when
 * {@link LogStreamOptions.batchBytes} are waiting, so a busy server makes a few dozen log writes a
 * second rather than one per request. Written here rather than with pino's own destination
 * (sonic-boom): its per-line bookkeeping cost 3-4 µs a line on the benchmark box, about a tenth of
 * a request's CPU, where this costs well under one (docs/performance.md). Writes are synchronous,
 * as Node's own are for files and pipes on Linux, so lines keep their order; on a non-blocking
 * descriptor that is full (`EAGAIN`) the lines wait and are tried again shortly, bounded by
 * {@link LogStreamOptions.maxPendingBytes}, and `flush(callback)` calls back once they are out. A
 * descriptor that fails otherwise (`EPIPE`: the reader is gone) ends the log, said once on stderr:
 * logging never throws into the code that logs. The process's own stream is
 * {@link processLogStream}.
 */
export function batchedLogStream(fd: number, options: LogStreamOptions = {}): LogStream & { drainSync(deadlineMs: number): void } {
  const batchBytes = options.batchBytes ?? BATCH_BYTES;
  const lingerMs = options.lingerMs ?? LINGER_MS;
  const maxPending = options.maxPendingBytes ?? MAX_PENDING_BYTES;
  let lines: string[] = [];
  let bytes = 0;
  // What a full descriptor left unwritten, written before any newer line.
  let rest: Buffer | undefined;
  let linger: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let dropped = 0;
  // flush() callers waiting for a full descriptor to take the rest.
  let waiting: ((error?: Error) => void)[] = [];
  let broken: Error | undefined;

  const settle = (error?: Error): void => {
    const callbacks = waiting;
    waiting = [];
    for (const callback of callbacks) callback(error);
  };

  const fail = (error: Error): void => {
    broken = error;
    lines = [];
    bytes = 0;
    rest = undefined;
    try {
      process.stderr.write(`account-graph: the log can no longer be written (${(error as NodeJS.ErrnoException).code ?? error.message}); logging stops\n`);
    } catch {
      // Nowhere left to say it.
    }
    settle(error);
  };

  // Moves waiting lines (and a dropped-lines note) behind what is left unwritten.
  const gather = (): void => {
    if (lines.length > 0) {
      const text = lines.join("");
      lines = [];
      bytes = 0;
      rest = rest ? Buffer.concat([rest, Buffer.from(text)]) : Buffer.from(text);
    }
    if (dropped > 0) {
      const note = Buffer.from(`{"level":40${isoTime()},"msg":"log lines dropped: ${dropped}"}\n`);
      dropped = 0;
      rest = rest ? Buffer.concat([rest, note]) : note;
    }
  };

  // Writes what the descriptor takes; false when it is full (EAGAIN) with some left.
  const writeRest = (): boolean => {
    while (rest && rest.length > 0) {
      let written: number;
      try {
        written = writeSync(fd, rest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") return false;
        fail(error as Error);
        return true;
      }
      rest = written >= rest.length ? undefined : rest.subarray(written);
    }
    return true;
  };

  const flushNow = (): void => {
    if (linger) {
      clearTimeout(linger);
      linger = undefined;
    }
    if (retry || broken) return; // the retry timer writes everything, in order
    gather();
    if (writeRest()) return settle();
    retry = setTimeout(() => {
      retry = undefined;
      flushNow();
    }, RETRY_MS);
    retry.unref();
  };

  return {
    write(line) {
      if (broken) return;
      if (rest && rest.length + bytes > maxPending) {
        dropped += 1;
        return;
      }
      lines.push(line);
      bytes += line.length;
      if (bytes >= batchBytes) flushNow();
      else if (!linger) {
        // Unref'd: a waiting line never keeps the process alive (exit drains it).
        linger = setTimeout(flushNow, lingerMs);
        linger.unref();
      }
    },
    flush(callback) {
      if (broken) return callback?.(broken);
      if (callback) waiting.push(callback);
      if (retry) {
        clearTimeout(retry);
        retry = undefined;
      }
      flushNow();
    },
    drainSync(deadlineMs) {
      if (broken) return;
      if (linger) clearTimeout(linger);
      if (retry) clearTimeout(retry);
      linger = retry = undefined;
      gather();
      const pause = new Int32Array(new SharedArrayBuffer(4));
      const until = Date.now() + deadlineMs;
      while (!writeRest() && Date.now() < until) Atomics.wait(pause, 0, 0, 1);
      settle(broken);
    },
  };
}

const processStreams = new Map<number, ReturnType<typeof batchedLogStream>>();

/**
 * The process's log stream on `fd` (one per descriptor), drained when the process exits, so a
 * line logged just before `process.exit()` is not lost in its 20 ms wait.
 */
export function processLogStream(fd: number): LogStream {
  let stream = processStreams.get(fd);
  if (!stream) {
    if (processStreams.size === 0) process.once("exit", () => processStreams.forEach(s => s.drainSync(EXIT_DRAIN_MS)));
    processStreams.set(fd, (stream = batchedLogStream(fd)));
  }
  return stream;
}
