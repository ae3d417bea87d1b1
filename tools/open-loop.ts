import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";

/**
 * An open-loop load generator: requests are due at fixed, evenly spaced times (`rate` per second,
 * one every 1000/rate ms from a start on the monotonic clock), whatever the server does. Each
 * request's latency is measured from the time it was *due*, not from when it was sent, so a server
 * (or this generator) falling behind shows up in the figures instead of silently lowering the
 * offered load: no coordinated omission. autocannon's `overallRate` cannot do this: it sends each
 * connection's share in bursts and times requests from when they were written.
 *
 * - A timer wakes at the next due time and sends every request that is due by then, catching up on
 *   missed slots by sending at once (never skipping them). Node's timers fire at 1 ms granularity
 *   at best, so at rates above 1,000/s a wake-up sends one or two requests; the lateness that adds
 *   is inside the measured latency and reported on its own (`sendLag`).
 * - Requests go over a pool of keep-alive connections (one request per connection at a time,
 *   least recently used first, opened as needed up to `connections`). When none is free the
 *   request waits in a FIFO queue; its latency still counts from its due time (`queuedMax` says
 *   whether that happened). The pool is opened for one run and closed after it, so no connection
 *   outlives the servers' keep-alive timeout between runs.
 * - A run may begin with an unmeasured lead-in (`leadS`) on the same schedule and pool, so the
 *   measured part starts with the connections the rate needs already open. Opening them is not
 *   steady load: Node (libuv 1.45 and later) accepts one connection per listening socket per
 *   event-loop turn, so a server whose turns take a few milliseconds under load leaves the k-th of
 *   a burst of new connections waiting k turns (50-120 ms measured for account-graph's, against
 *   16 ms for the plain stack's shorter turns). A pool growing during the measured part, when a
 *   server falls behind, still pays that, as real clients would.
 * - The request is serialised once and written as is; answers are read with a minimal HTTP/1.1
 *   response reader (Content-Length or chunked bodies). That keeps the generator's CPU per request
 *   near autocannon's (undici's pool cost about three times as much here), since it shares the
 *   box with the servers it measures.
 * - Runs in the calling process; `cpuS` is that process's CPU time over the run, so the caller can
 *   report what the generator itself took from the box.
 */

/** What to send where. */
export interface OpenLoopTarget {
  /** `http://host:port/path` */
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whether an answer is a real one (cheap string checks: parsing would cost the servers CPU). */
  good(status: number, body: string): boolean;
}

export interface OpenLoopOptions {
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  /** Most connections open at once. */
  connections: number;
  /** After the last due time, answers still missing after this long count as failed (a hang guard). */
  drainTimeoutMs?: number;
  /**
   * A lead-in of this many seconds before the measured `seconds`, on the same schedule and the same
   * connections, not measured: the round begins on a server and a pool already at the rate (the
   * notes at the top of this file say why). Its bad answers are counted apart (`leadBad`).
   */
  leadS?: number;
  /** Called when the measured part begins (at once without a lead-in): the caller's counters start. */
  onMeasured?: () => void;
}

/** Percentiles of a set of durations, in milliseconds. */
export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export interface OpenLoopResult {
  /** Requests per second offered (the schedule), and how many were due in the run. */
  rate: number;
  due: number;
  /** Answers received or failed, and how many of them were not good (status, body or error). */
  completed: number;
  bad: number;
  /** From the first due time to the last answer. */
  wallS: number;
  /** Due time → answer fully read, every request. */
  latency: Percentiles;
  /** The same latencies, sorted (ms): for percentiles over several runs. */
  samples: Float64Array;
  /** Due time → written to a connection or queued: how late this generator's timer was. */
  sendLag: Percentiles;
  /** Most requests waiting for a free connection at once (0: the pool never ran short). */
  queuedMax: number;
  /** Connections opened during the measured part (after the lead-in). */
  opened: number;
  /** CPU time (user + system) this process used during the run. */
  cpuS: number;
  /** Bad answers during the lead-in (`OpenLoopOptions.leadS`), which the figures above leave out. */
  leadBad: number;
}

/** Offer `options.rate` requests per second to `target`; resolves when every answer is in. */
export async function openLoop(target: OpenLoopTarget, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { rate, seconds, connections, drainTimeoutMs = 30_000, leadS = 0, onMeasured } = options;
  const interval = 1000 / rate;
  // Slots before `lead` are the lead-in: sent, answered, not measured.
  const lead = Math.round(rate * leadS);
  const due = Math.max(1, Math.round(rate * seconds));
  const total = lead + due;
  const latency = new Float64Array(due);
  const sendLag = new Float64Array(due);
  const url = new URL(target.url);
  const request = serialise(url, target.headers, target.body);
  let completed = 0;
  let bad = 0;
  let leadBad = 0;
  let answered = 0;
  let allIn!: () => void;
  const done = new Promise<void>(resolve => (allIn = resolve));

  const finish = (i: number, ok: boolean) => {
    if (i < lead) {
      if (!ok) leadBad += 1;
    } else {
      latency[i - lead] = performance.now() - dueAt(i);
      completed += 1;
      if (!ok) bad += 1;
    }
    answered += 1;
    if (answered === total) allIn();
  };
  const start = performance.now() + 2; // a little ahead, so the first slot is not late already
  const dueAt = (i: number) => start + i * interval;

  const pool = new ConnectionPool(url, request, connections, (i, status, body) => finish(i, body !== undefined && target.good(status, body)));

  let cpu0 = process.cpuUsage();
  let next = 0;
  const tick = () => {
    const now = performance.now();
    // Every slot due by now goes out now: a late wake-up sends its backlog, it does not skip it.
    while (next < total && dueAt(next) <= now) {
      if (next === lead) {
        // The measured part begins: what the lead-in queued or cost is not its own.
        cpu0 = process.cpuUsage();
        pool.queuedMax = 0;
        pool.opened = 0;
        onMeasured?.();
      }
      if (next >= lead) sendLag[next - lead] = performance.now() - dueAt(next);
      pool.send(next);
      next += 1;
    }
    if (next < total) setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
  };
  setTimeout(tick, Math.max(0, start - performance.now()));

  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<void>(resolve => {
    guard = setTimeout(resolve, (leadS + seconds) * 1000 + drainTimeoutMs);
  });
  await Promise.race([done, hung]);
  clearTimeout(guard);
  // Whatever has not answered by the guard fails: closing the pool answers it as failed.
  pool.close();
  await done;
  const wallS = (performance.now() - dueAt(lead)) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const measured = Math.max(1, next - lead);
  return {
    rate,
    due,
    completed,
    bad,
    wallS,
    latency: percentiles(latency.subarray(0, measured)),
    samples: latency.subarray(0, measured),
    sendLag: percentiles(sendLag.subarray(0, measured)),
    queuedMax: pool.queuedMax,
    opened: pool.opened,
    cpuS: (cpu.user + cpu.system) / 1e6,
    leadBad,
  };
}

/** Nearest-rank percentiles (sorts `values` in place). */
export function percentiles(values: Float64Array): Percentiles {
  values.sort();
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.ceil(q * values.length) - 1))] ?? NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: values[values.length - 1] ?? NaN };
}

/** The whole request, once: every send writes the same bytes. */
function serialise(url: URL, headers: Record<string, string>, body: string): Buffer {
  const lines = [`POST ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`content-length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join("\r\n")}\r\n\r\n${body}`);
}

type Answer = (request: number, status: number, body: string | undefined) => void;

/** Keep-alive connections to one server, one request in flight on each, FIFO for the rest. */
class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queue: number[] = [];
  private queueHead = 0;
  private live = 0;
  private closed = false;
  queuedMax = 0;
  opened = 0;

  constructor(
    private readonly url: URL,
    private readonly request: Buffer,
    private readonly max: number,
    private readonly answer: Answer,
  ) {}

  send(i: number): void {
    const conn = this.idle.shift();
    if (conn) return conn.send(i);
    if (this.live < this.max) return this.open().send(i);
    this.queue.push(i);
    this.queuedMax = Math.max(this.queuedMax, this.queue.length - this.queueHead);
  }

  private open(): Connection {
    this.live += 1;
    this.opened += 1;
    const conn: Connection = new Connection(connect(Number(this.url.port || 80), this.url.hostname), this.request, {
      answered: (i, status, body, reusable) => {
        this.answer(i, status, body);
        if (reusable) this.free(conn);
        else conn.destroy();
      },
      failed: i => this.answer(i, 0, undefined),
      closed: () => {
        this.all.delete(conn);
        this.live -= 1;
        const at = this.idle.indexOf(conn);
        if (at >= 0) this.idle.splice(at, 1);
        // Requests waiting for a connection get one, if this was the last.
        if (!this.closed && this.queueHead < this.queue.length && this.live < this.max) this.open().send(this.take());
      },
    });
    this.all.add(conn);
    return conn;
  }

  private take(): number {
    const i = this.queue[this.queueHead]!;
    this.queueHead += 1;
    if (this.queueHead === this.queue.length) {
      this.queue.length = 0;
      this.queueHead = 0;
    }
    return i;
  }

  private free(conn: Connection): void {
    if (this.closed) return conn.destroy();
    if (this.queueHead < this.queue.length) return conn.send(this.take());
    this.idle.push(conn);
  }

  /** Destroys every connection; requests in flight or queued are answered as failed. */
  close(): void {
    this.closed = true;
    this.idle.length = 0;
    for (const conn of this.all) conn.destroy();
    while (this.queueHead < this.queue.length) this.answer(this.take(), 0, undefined);
  }
}

/** One socket and the answer being read on it (HTTP/1.1, no pipelining). */
class Connection {
  private current = -1;
  private buffered: Buffer | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly request: Buffer,
    private readonly on: {
      answered(i: number, status: number, body: string, reusable: boolean): void;
      failed(i: number): void;
      closed(): void;
    },
  ) {
    socket.setNoDelay(true);
    socket.on("data", chunk => this.read(chunk));
    socket.on("error", () => undefined); // followed by close
    socket.on("close", () => {
      const i = this.current;
      this.current = -1;
      if (i >= 0) this.on.failed(i);
      this.on.closed();
    });
  }

  send(i: number): void {
    this.current = i;
    this.buffered = undefined;
    // Written before the socket connects, it goes out once connected.
    this.socket.write(this.request);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    const data = this.buffered ? Buffer.concat([this.buffered, chunk]) : chunk;
    const response = parseResponse(data);
    if (response === undefined) {
      this.buffered = data;
      return;
    }
    // Unreadable, or an answer nobody asked for: the connection goes (failing its request, if any).
    if (this.current < 0 || response === "malformed") return this.destroy();
    const i = this.current;
    this.current = -1;
    this.buffered = undefined;
    this.on.answered(i, response.status, response.body, response.keepAlive);
  }
}

/**
 * One whole HTTP/1.1 response from `data`: undefined while incomplete, "malformed" when it cannot
 * be read (no length, bad chunk sizes).
 */
export function parseResponse(data: Buffer): { status: number; body: string; keepAlive: boolean } | "malformed" | undefined {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const head = data.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  const keepAlive = !/\r\nconnection:[ \t]*close/i.test(head);
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    if (data.length < end) return undefined;
    return { status, body: data.toString("utf8", bodyStart, end), keepAlive };
  }
  if (!/\r\ntransfer-encoding:[ \t]*chunked/i.test(head)) return status === 204 || status === 304 ? { status, body: "", keepAlive } : "malformed";
  const parts: Buffer[] = [];
  let at = bodyStart;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString("latin1", at, lineEnd), 16);
    if (!Number.isFinite(size)) return "malformed";
    if (size === 0) {
      // No trailers expected: the last chunk is "0\r\n\r\n".
      if (data.length < lineEnd + 4) return undefined;
      return { status, body: Buffer.concat(parts).toString("utf8"), keepAlive };
    }
    if (data.length < lineEnd + 2 + size + 2) return undefined;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
