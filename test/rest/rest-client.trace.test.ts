import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SYSTEM_CLOCK } from "../../src/clock.js";
import { type AttemptSpan, type RequestTrace, type UpstreamCallInfo } from "../../src/observability/trace-context.js";
import { Provider } from "../helpers/providers.js";
import { DEPICTA } from "../../src/providers/depicta/depicta.facts.js";
import { ProviderCircuit } from "../../src/rest/circuit-breaker.js";
import { type ConcurrencyLimiter, InMemoryConcurrencyLimiter } from "../../src/rest/concurrency-limiter.js";
import { RestClient, type ProviderProfile, type RestClientOptions } from "../../src/rest/rest-client.js";
import { createUndiciTransport, type Transport } from "../../src/rest/transport.js";
import { until } from "../helpers/until.js";

// What the REST client tells a request's trace, against a loopback provider: the seams the
// OpenTelemetry spans are built from (`observability/otel-spans.ts`; end to end in
// test/observability/).

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let baseUrl: string;
let transport: Transport;
const received: IncomingMessage["headers"][] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = createUndiciTransport({ maxResponseBytes: 1 << 20 });
});
afterAll(async () => {
  transport.close();
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});

const profile: ProviderProfile = {
  provider: DEPICTA,
  parseProblem: (_status, body) => ({ message: (body as { error?: string })?.error }),
};

/** Every call the client made on the trace, in order, as `[span, what, details]`. */
function recordingTrace(propagate = false) {
  const log: Array<[number, string, unknown]> = [];
  const calls: UpstreamCallInfo[] = [];
  const trace: RequestTrace = {
    logFields: { trace_id: "t", span_id: "s" },
    attempt(call, attempt) {
      calls.push(call);
      const n = calls.length;
      log.push([n, "start", attempt]);
      const span: AttemptSpan = {
        budgetWaited: (waitMs, outcome) => log.push([n, "budget", { outcome, waited: waitMs > 0 }]),
        circuitOpen: retryAfter => log.push([n, "circuit-open", retryAfter > 0]),
        inject: headers => {
          if (propagate) headers.traceparent = `00-${"1".repeat(32)}-${String(n).padStart(16, "0")}-01`;
        },
        ok: status => log.push([n, "ok", status]),
        retrying: (status, reason) => log.push([n, "retrying", { status, reason }]),
        failed: (status, code) => log.push([n, "failed", { status, code }]),
      };
      return span;
    },
    cachedRead: () => undefined,
    operation: () => undefined,
    run: fn => fn(),
    end: () => undefined,
  };
  return { trace, log, calls };
}

function client(extra: Partial<RestClientOptions>) {
  return new RestClient({
    profile,
    baseUrl,
    credential: "dpct_key",
    transport,
    timeoutMs: 2000,
    retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 1000 },
    ...extra,
  });
}

// The limiter's key for the test credential (the client keys lanes by a digest, never the key).
// The client acquires by credential (the server wraps its limiters to keep a keyed hash instead).
const KEY = "dpct_key";

const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("RestClient and the request's trace", () => {
  it("reports each attempt: a 503 retried, then a 401 with its contract code", async () => {
    let n = 0;
    handler = (req, res) => json(++n === 1 ? 503 : 401, { error: "no" })(req, res);
    const { trace, log, calls } = recordingTrace();
    await expect(client({ trace }).request({ method: "GET", path: "/v1/me", query: { page: 2 }, read: true })).rejects.toThrow();
    expect(calls.map(c => c.path)).toEqual(["/v1/me", "/v1/me"]);
    expect(log).toEqual([
      [1, "start", 1],
      [1, "retrying", { status: 503, reason: "503" }],
      [2, "start", 2],
      [2, "failed", { status: 401, code: "UNAUTHENTICATED" }],
    ]);
  });

  it("reports a wait for the concurrency budget, and a wait that ran out", async () => {
    const slots = new InMemoryConcurrencyLimiter(1);
    let acquires = 0;
    const limiter: ConcurrencyLimiter = {
      acquire: (key, deadline) => {
        acquires += 1;
        return slots.acquire(key, deadline);
      },
    };
    let releaseFirst!: () => void;
    const firstArrived = new Promise<void>(arrived => {
      handler = (_req, res) => {
        arrived();
        // Answer the first call only when the test says so; later calls at once.
        releaseFirst = () => json(200, { ok: 1 })(_req, res);
      };
    });
    const first = recordingTrace();
    const second = recordingTrace();
    const one = client({ trace: first.trace, limiter }).request({ method: "GET", path: "/v1/me", read: true });
    await firstArrived;
    handler = json(200, { ok: 2 });
    const two = client({ trace: second.trace, limiter }).request({ method: "GET", path: "/v1/me", read: true });
    // The second call is queued behind the first; the first answers only then.
    await until(() => acquires === 2, "the second call to ask for the slot");
    releaseFirst();
    await Promise.all([one, two]);
    expect(first.log.filter(e => e[1] === "budget").map(e => (e[2] as { outcome: string }).outcome)).toEqual(["acquired"]);
    expect(second.log).toContainEqual([1, "budget", { outcome: "acquired", waited: true }]);

    // A slot that never frees within the deadline.
    const held = await limiter.acquire(KEY, Date.now() + 10_000);
    const third = recordingTrace();
    await expect(
      client({ trace: third.trace, limiter, timeoutMs: 50 }).request({ method: "GET", path: "/v1/me", read: true }),
    ).rejects.toThrow();
    held();
    expect(third.log).toContainEqual([1, "budget", { outcome: "timeout", waited: true }]);
    expect(third.log.at(-1)).toEqual([1, "failed", { status: undefined, code: "UPSTREAM_TIMEOUT" }]);
  });

  it("reports a breaker fast-fail on an attempt that sent nothing", async () => {
    handler = json(500, { error: "down" });
    const circuit = new ProviderCircuit(Provider.DEPICTA, transport, {
      volumeThreshold: 1,
      errorThresholdPercentage: 50,
      resetTimeoutMs: 60_000,
      windowMs: 10_000,
    }, SYSTEM_CLOCK);
    const opening = recordingTrace();
    await expect(client({ trace: opening.trace, circuit }).request({ method: "GET", path: "/v1/me", read: false })).rejects.toThrow();
    const before = received.length;
    const { trace, log } = recordingTrace();
    await expect(client({ trace, circuit }).request({ method: "GET", path: "/v1/me", read: false })).rejects.toThrow();
    circuit.shutdown();
    expect(received.length).toBe(before);
    expect(log).toEqual([
      [1, "start", 1],
      [1, "circuit-open", true],
      [1, "failed", { status: undefined, code: "UPSTREAM_ERROR" }],
    ]);
  });

  it("sends trace context only when the span injects it", async () => {
    handler = json(200, {});
    await client({ trace: recordingTrace(false).trace }).request({ method: "GET", path: "/v1/me", read: true });
    expect(received.at(-1)!.traceparent).toBeUndefined();
    await client({ trace: recordingTrace(true).trace }).request({ method: "GET", path: "/v1/me", read: true });
    expect(received.at(-1)!.traceparent).toBe(`00-${"1".repeat(32)}-0000000000000001-01`);
  });
});
