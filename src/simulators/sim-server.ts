import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { type AnsweredFault, isSimulatedFault, SIMULATE_FAULT_HEADER, SIMULATED_FAULTS } from "../http/simulated-faults.js";
import { setTimeout as sleep } from "node:timers/promises";

/** One request as a simulator saw it; tests assert on these (method, path, headers, parsed body). */
export interface SimCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
  rawBody: string;
}

/** A canned failure answered instead of the real handler (see {@link SimControl.failNext}). */
export interface SimFault {
  /** HTTP status to answer with; ignored when `kind` is not "status". */
  status?: number;
  /** JSON body (serialized) or raw string body. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * `status` (default) answers with status/body/headers; `reset` destroys the socket;
   * `hang` never answers (until the simulator stops); `html` answers a text/html page.
   */
  kind?: "status" | "reset" | "hang" | "html";
  /** Only requests whose `METHOD /path` contains this string are affected. */
  match?: string;
  /** How many matching requests to fail (default 1). */
  times?: number;
}

/** What a simulator's handler returns: a status, a JSON body and optional headers. */
export interface SimReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A simulator's request handler: pure function of the request (state lives in the simulator). */
export type SimHandler = (call: SimCall) => SimReply | Promise<SimReply>;

/**
 * How a provider answers each fault a caller can ask for (`X-Simulate-Fault`, forwarded by
 * account-graph as `x-simulate-fault: <fault>` on that provider's calls): its error body and
 * headers, as its documentation describes them, with the fault's `status` (`SIMULATED_FAULTS`).
 * `timeout` is not here: no answer at all is the same at every provider.
 */
export type SimFaultReplies = Record<AnsweredFault, (call: SimCall, status: number) => SimReply>;

/**
 * Test and operator controls shared by every simulator: request log, latency and fault
 * injection, and the peak number of requests in flight (for concurrency-limit checks).
 */
export class SimControl {
  /**
   * The requests received since the last {@link reset}, in arrival order: the latest
   * {@link SimControl.MAX_CALLS} of them, so a simulator serving `npm start` for days keeps a
   * bounded log.
   */
  readonly calls: SimCall[] = [];
  /** How many requests {@link calls} keeps. */
  static readonly MAX_CALLS = 10_000;
  /** Added before every answer (including faults), in milliseconds. */
  latencyMs = 0;
  /**
   * Awaited before every answer (after the latency): tests hold requests until others arrive, to
   * prove calls overlap without timing them.
   */
  hold: ((call: SimCall) => Promise<void>) | undefined = undefined;
  /**
   * Headers added to every answer of the provider's handler (not to faults): what a provider may
   * send that its documentation does not promise, such as `Cache-Control: no-store`.
   */
  answerHeaders: Record<string, string> = {};
  /** Current and peak number of requests being handled at once. */
  inFlight = 0;
  maxInFlight = 0;
  /**
   * Requests in flight per concurrency key (see `concurrency` in startSimServer); a key leaves the
   * map when its last request ends.
   */
  readonly inFlightByKey = new Map<string, number>();
  /**
   * The peak of {@link inFlightByKey} per key since the last {@link reset}, for the latest
   * {@link SimControl.MAX_PEAK_KEYS} keys to send a request: any token counts, so the map is bounded.
   */
  readonly maxInFlightByKey = new Map<string, number>();
  /** How many keys {@link maxInFlightByKey} keeps. */
  static readonly MAX_PEAK_KEYS = 1_000;
  private faults: SimFault[] = [];

  /** Record `now` requests in flight for `key`: it becomes the latest key, the oldest past the bound goes. */
  notePeak(key: string, now: number): void {
    const peak = Math.max(this.maxInFlightByKey.get(key) ?? 0, now);
    this.maxInFlightByKey.delete(key);
    this.maxInFlightByKey.set(key, peak);
    if (this.maxInFlightByKey.size > SimControl.MAX_PEAK_KEYS) {
      this.maxInFlightByKey.delete(this.maxInFlightByKey.keys().next().value!);
    }
  }

  /** Queue a failure for the next matching request(s). */
  failNext(fault: SimFault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  /** Clear calls, faults, latency, answer headers and peaks (state seeded by the simulator is kept). */
  reset(): void {
    this.calls.length = 0;
    this.faults = [];
    this.latencyMs = 0;
    this.answerHeaders = {};
    this.hold = undefined;
    this.inFlight = 0;
    this.maxInFlight = 0;
    this.inFlightByKey.clear();
    this.maxInFlightByKey.clear();
  }

  /** Number of calls whose `METHOD /path` contains `match` (all calls without it). */
  count(match?: string): number {
    return match === undefined
      ? this.calls.length
      : this.calls.filter(c => `${c.method} ${c.path}`.includes(match)).length;
  }

  /** @internal logs a request, dropping the oldest tenth of the log when it is full */
  record(call: SimCall): void {
    if (this.calls.length >= SimControl.MAX_CALLS) this.calls.splice(0, SimControl.MAX_CALLS / 10);
    this.calls.push(call);
  }

  /** @internal takes the first fault matching this request, if any */
  takeFault(call: SimCall): SimFault | undefined {
    const line = `${call.method} ${call.path}`;
    const i = this.faults.findIndex(f => f.match === undefined || line.includes(f.match));
    if (i < 0) return undefined;
    const fault = this.faults[i]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(i, 1);
    return fault;
  }
}

/** A running simulator: its base URL (no trailing slash), its controls, and `close()`. */
export interface RunningSim {
  url: string;
  control: SimControl;
  close(): Promise<void>;
}


/**
 * Start a loopback HTTP server around `handler` with the shared {@link SimControl} behaviour.
 * Listens on 127.0.0.1 and `port` (0 = any free port).
 */
export async function startSimServer(
  handler: SimHandler,
  options: {
    port?: number;
    host?: string;
    control?: SimControl;
    /**
     * Per-key concurrency limit counted from arrival to answer (latency included), e.g.
     * a provider's limit of requests in flight per API key. Requests over it get `reject(call)`.
     */
    concurrency?: { key: (call: SimCall) => string | undefined; max: number; reject: (call: SimCall) => SimReply };
    /** The provider's answers to requested faults; without them only `timeout` is simulated. */
    faults?: SimFaultReplies;
  } = {},
): Promise<RunningSim> {
  const control = options.control ?? new SimControl();
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void answer(req, res, Buffer.concat(chunks).toString("utf8"));
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse, rawBody: string) {
    const url = new URL(req.url ?? "/", "http://sim.local");
    let body: unknown = undefined;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = INVALID_JSON;
      }
    }
    const call: SimCall = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
    };
    control.record(call);
    control.inFlight += 1;
    control.maxInFlight = Math.max(control.maxInFlight, control.inFlight);
    const limit = options.concurrency;
    const key = limit?.key(call);
    if (key !== undefined) {
      const now = (control.inFlightByKey.get(key) ?? 0) + 1;
      control.inFlightByKey.set(key, now);
      control.notePeak(key, now);
    }
    try {
      if (limit && key !== undefined && control.inFlightByKey.get(key)! > limit.max) {
        const reply = limit.reject(call);
        return send(res, reply.status, reply.body, reply.headers);
      }
      if (control.latencyMs > 0) await sleep(control.latencyMs);
      if (control.hold) await control.hold(call);
      const requested = call.headers[SIMULATE_FAULT_HEADER];
      if (typeof requested === "string") return replyRequested(res, call, requested);
      const fault = control.takeFault(call);
      if (fault) return replyFault(res, fault);
      const reply = await handler(call);
      send(res, reply.status, reply.body, { ...reply.headers, ...control.answerHeaders });
    } catch (error) {
      send(res, 500, { error: `simulator failure: ${(error as Error).message}` });
    } finally {
      control.inFlight -= 1;
      if (key !== undefined) {
        const left = control.inFlightByKey.get(key)! - 1;
        if (left === 0) control.inFlightByKey.delete(key);
        else control.inFlightByKey.set(key, left);
      }
    }
  }

  // A fault the caller asked for, in this provider's words; `timeout` never answers.
  function replyRequested(res: ServerResponse, call: SimCall, fault: string) {
    if (!isSimulatedFault(fault)) return send(res, 400, { error: `No such fault: "${fault}".` });
    if (fault === "timeout") return replyFault(res, { kind: "hang" });
    const reply = options.faults?.[fault](call, SIMULATED_FAULTS[fault].status);
    if (!reply) return send(res, 501, { error: `This simulator does not simulate the fault "${fault}".` });
    send(res, reply.status, reply.body, reply.headers);
  }

  function replyFault(res: ServerResponse, fault: SimFault) {
    switch (fault.kind ?? "status") {
      case "reset":
        res.socket?.destroy();
        return;
      case "hang":
        // Until the client gives up (its deadline) or the simulator stops.
        hanging.add(res);
        res.once("close", () => hanging.delete(res));
        return;
      case "html":
        res.writeHead(fault.status ?? 502, { "content-type": "text/html", ...fault.headers });
        res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
        return;
      default:
        send(res, fault.status ?? 500, fault.body ?? { error: "injected failure" }, fault.headers);
    }
  }

  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    control,
    close: () =>
      new Promise<void>(resolve => {
        for (const res of hanging) res.socket?.destroy();
        hanging.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Marker for a request body that was not valid JSON (simulators answer 400 for it). */
export const INVALID_JSON = Symbol("invalid-json");

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The bearer token of a request, or undefined (`Authorization: Bearer <token>`, any case). */
export function bearerToken(call: SimCall): string | undefined {
  const value = call.headers.authorization;
  if (typeof value !== "string") return undefined;
  const match = /^bearer\s+(.+)$/i.exec(value.trim());
  return match?.[1]?.trim();
}
