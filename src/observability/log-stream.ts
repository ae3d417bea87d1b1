import { writeSync } from "node:fs";

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

/**
 * pino's destination for the process log: lines wait up to {@link LogStreamOptions.lingerMs}
 * (20 ms) for others and go out together in one write(2), or at once when
 * {@link LogStreamOptions.batchBytes} are waiting, so a busy server makes a few dozen log writes a
 * second rather than one per request. Written here rather than with pino's own destination
 * (sonic-boom): its per-line bookkeeping cost 3-4 µs a line on the benchmark box, about a tenth of
 * a request's CPU, where this costs well under one (docs/performance.md). Writes are synchronous, as Node's own are for
 * files and pipes on Linux, so lines keep their order and `flush()` leaves nothing behind; on a
 * non-blocking descriptor that is full (`EAGAIN`) the lines wait and are tried again shortly,
 * bounded by {@link LogStreamOptions.maxPendingBytes}. One per process and descriptor.
 */
export function batchedLogStream(fd: number, options: LogStreamOptions = {}): LogStream {
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

  const flushNow = (): void => {
    if (linger) {
      clearTimeout(linger);
      linger = undefined;
    }
    if (retry) return; // the retry timer writes everything, in order
    if (lines.length > 0) {
      const text = lines.join("");
      lines = [];
      bytes = 0;
      rest = rest ? Buffer.concat([rest, Buffer.from(text)]) : Buffer.from(text);
    }
    if (dropped > 0) {
      const note = Buffer.from(`${JSON.stringify({ level: 40, time: Date.now(), msg: `log lines dropped: ${dropped}` })}\n`);
      dropped = 0;
      rest = rest ? Buffer.concat([rest, note]) : note;
    }
    while (rest && rest.length > 0) {
      let written: number;
      try {
        written = writeSync(fd, rest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        retry = setTimeout(() => {
          retry = undefined;
          flushNow();
        }, RETRY_MS);
        retry.unref();
        return;
      }
      rest = written >= rest.length ? undefined : rest.subarray(written);
    }
  };

  return {
    write(line) {
      if (rest && rest.length + bytes > maxPending) {
        dropped += 1;
        return;
      }
      lines.push(line);
      bytes += line.length;
      if (bytes >= batchBytes) flushNow();
      else if (!linger) {
        // Unref'd: a waiting line never keeps the process alive (shutdown flushes).
        linger = setTimeout(flushNow, lingerMs);
        linger.unref();
      }
    },
    flush(callback) {
      try {
        if (retry) {
          clearTimeout(retry);
          retry = undefined;
        }
        flushNow();
        callback?.();
      } catch (error) {
        callback?.(error as Error);
      }
    },
  };
}
