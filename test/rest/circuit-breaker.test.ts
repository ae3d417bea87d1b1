import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Provider } from "../helpers/providers.js";
import { CircuitOpenError, ProviderCircuit, type BreakerOptions, type CircuitState } from "../../src/rest/circuit-breaker.js";
import { createUndiciTransport, TransportError, type Transport } from "../../src/rest/transport.js";
import { ManualClock } from "../helpers/manual-clock.js";

// A loopback upstream answering with `status`; while `held` is set, answers wait until it is
// released, which keeps a half-open trial in flight for as long as a test needs. `hits` counts
// what reached the upstream.
let status = 200;
let held: Promise<void> | undefined;
let release: () => void = () => undefined;
let hits = 0;
const hold = () => {
  held = new Promise(resolve => (release = resolve));
};
let server: Server;
let url: string;
let transport: Transport;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    void (held ?? Promise.resolve()).then(() => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  transport = createUndiciTransport({ maxResponseBytes: 1024 });
});
afterAll(async () => {
  transport.close();
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
});
beforeEach(() => {
  status = 200;
  held = undefined;
  hits = 0;
});

const OPTIONS: BreakerOptions = { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: 300, windowMs: 1000 };
// Far beyond anything the tests wait for: time only moves when a test advances the clock.
const TIME_LEFT_MS = 60_000;

function circuit(options: Partial<BreakerOptions> = {}) {
  const states: CircuitState[] = [];
  const clock = new ManualClock();
  const breaker = new ProviderCircuit(Provider.DIFFIO, transport, { ...OPTIONS, ...options }, clock, s => states.push(s));
  const send = (timeoutMs = TIME_LEFT_MS) => breaker.send({ method: "GET", url, headers: {}, timeoutMs });
  /** Four failures open the circuit; once the reset timeout has passed it is half-open. */
  const openThenWait = async () => {
    status = 500;
    for (let i = 0; i < 4; i++) await send();
    clock.advance(300);
  };
  return { breaker, states, send, openThenWait, clock };
}
// Let the event loop run until `check` holds (e.g. a request reached the upstream); no fixed wait.
async function until(check: () => boolean) {
  while (!check()) await new Promise(resolve => setImmediate(resolve));
}

describe("ProviderCircuit", () => {
  it("returns 5xx answers and stays closed below the minimum volume", async () => {
    const { breaker, send } = circuit();
    status = 503;
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(503);
    expect(breaker.state).toBe("closed");
    expect(hits).toBe(3);
    breaker.shutdown();
  });

  it("does not count 4xx answers as failures", async () => {
    const { breaker, send } = circuit();
    status = 404;
    for (let i = 0; i < 6; i++) await send();
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("stays closed while failures are under the threshold percentage", async () => {
    const { breaker, send } = circuit();
    for (const s of [200, 200, 500, 200, 200]) {
      status = s;
      await send();
    }
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("opens at the threshold and then fails fast without calling, with the time left", async () => {
    const { breaker, states, send } = circuit({ resetTimeoutMs: 2500 });
    status = 500;
    for (let i = 0; i < 4; i++) await send();
    expect(breaker.state).toBe("open");
    expect(states).toEqual(["open"]);
    const error = await send().then(() => undefined, e => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterSeconds).toBe(3);
    expect(hits).toBe(4);
    breaker.shutdown();
  });

  it("counts network failures too", async () => {
    const states: CircuitState[] = [];
    const breaker = new ProviderCircuit(Provider.DIFFIO, transport, OPTIONS, new ManualClock(), s => states.push(s));
    for (let i = 0; i < 4; i++) {
      await breaker.send({ method: "GET", url: "http://127.0.0.1:1/x", headers: {}, timeoutMs: 500 }).catch(() => undefined);
    }
    expect(states).toEqual(["open"]);
    breaker.shutdown();
  });

  it("forgets failures older than the window", async () => {
    const { breaker, send, clock } = circuit({ windowMs: 200 });
    status = 500;
    for (let i = 0; i < 3; i++) await send();
    clock.advance(300);
    await send();
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("stays open until the reset timeout has passed, then reports half-open", async () => {
    const { breaker, states, send, clock } = circuit();
    status = 500;
    for (let i = 0; i < 4; i++) await send();
    clock.advance(299);
    expect(breaker.state).toBe("open");
    await expect(send()).rejects.toBeInstanceOf(CircuitOpenError);
    clock.advance(1);
    expect(breaker.state).toBe("half-open");
    expect(states).toEqual(["open", "half-open"]);
    breaker.shutdown();
  });

  it("lets one trial through when half-open: its success closes the circuit", async () => {
    const { breaker, states, send, openThenWait } = circuit();
    await openThenWait();
    expect(breaker.state).toBe("half-open");
    status = 200;
    const trial = send();
    expect((await trial).status).toBe(200);
    expect(breaker.state).toBe("closed");
    expect(states).toEqual(["open", "half-open", "closed"]);
    expect(hits).toBe(5);
    // Closed again with a fresh window: earlier failures do not count.
    status = 500;
    await send();
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("holds a burst that arrives while the trial is out, and sends it all once the trial succeeds", async () => {
    const { breaker, send, openThenWait } = circuit();
    await openThenWait();
    status = 200;
    hold();
    const trial = send();
    await until(() => hits === 5);
    const burst = Array.from({ length: 124 }, () => send());
    // Only the trial has reached the provider; the burst waits for its outcome.
    expect(hits).toBe(5);
    release();
    const answers = await Promise.all([trial, ...burst]);
    expect(answers.map(a => a.status)).toEqual(Array(125).fill(200));
    expect(hits).toBe(4 + 125);
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("fails the waiting burst fast when the trial fails", async () => {
    const { breaker, send, openThenWait } = circuit();
    await openThenWait();
    hold();
    const trial = send();
    await until(() => hits === 5);
    const burst = Array.from({ length: 10 }, () => send().then(() => "sent", (e: unknown) => e));
    release();
    expect((await trial).status).toBe(500);
    for (const outcome of await Promise.all(burst)) expect(outcome).toBeInstanceOf(CircuitOpenError);
    expect(hits).toBe(5);
    expect(breaker.state).toBe("open");
    release();
    breaker.shutdown();
  });

  it("gives a waiting call a timeout when its own time runs out before the trial's outcome", async () => {
    const { breaker, send, openThenWait, clock } = circuit();
    await openThenWait();
    status = 200;
    hold();
    const trial = send();
    await until(() => hits === 5);
    const waiting = send(100).then(() => "sent", (e: unknown) => e);
    clock.advance(100);
    const outcome = await waiting;
    expect(outcome).toBeInstanceOf(TransportError);
    expect((outcome as TransportError).kind).toBe("timeout");
    release();
    expect((await trial).status).toBe(200);
    expect(hits).toBe(5);
    breaker.shutdown();
  });

  it("opens again when the half-open trial fails", async () => {
    const { breaker, states, send, openThenWait } = circuit();
    await openThenWait();
    await send();
    expect(breaker.state).toBe("open");
    expect(states).toEqual(["open", "half-open", "open"]);
    await expect(send()).rejects.toBeInstanceOf(CircuitOpenError);
    breaker.shutdown();
  });
});
