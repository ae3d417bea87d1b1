import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Provider } from "../../src/providers/provider.js";
import { CircuitOpenError, ProviderCircuit, type BreakerOptions, type CircuitState } from "../../src/rest/circuit-breaker.js";
import { createUndiciTransport, type Transport } from "../../src/rest/transport.js";

// A loopback upstream answering with `status`, after `delayMs`; `hits` counts what reached it.
let status = 200;
let delayMs = 0;
let hits = 0;
let server: Server;
let url: string;
let transport: Transport;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits += 1;
    setTimeout(() => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end("{}");
    }, delayMs);
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
  delayMs = 0;
  hits = 0;
});

const OPTIONS: BreakerOptions = { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: 300, windowMs: 1000 };
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function circuit(options: Partial<BreakerOptions> = {}) {
  const states: CircuitState[] = [];
  const breaker = new ProviderCircuit(Provider.DIFFIO, transport, { ...OPTIONS, ...options }, s => states.push(s));
  const send = () => breaker.send({ method: "GET", url, headers: {}, timeoutMs: 1000 });
  /** Four failures open the circuit; after the reset timeout it is half-open. */
  const openThenWait = async () => {
    status = 500;
    for (let i = 0; i < 4; i++) await send();
    await sleep(350);
  };
  return { breaker, states, send, openThenWait };
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
    const breaker = new ProviderCircuit(Provider.DIFFIO, transport, OPTIONS, s => states.push(s));
    for (let i = 0; i < 4; i++) {
      await breaker.send({ method: "GET", url: "http://127.0.0.1:1/x", headers: {}, timeoutMs: 500 }).catch(() => undefined);
    }
    expect(states).toEqual(["open"]);
    breaker.shutdown();
  });

  it("forgets failures older than the window", async () => {
    const { breaker, send } = circuit({ windowMs: 200 });
    status = 500;
    for (let i = 0; i < 3; i++) await send();
    await sleep(300);
    await send();
    expect(breaker.state).toBe("closed");
    breaker.shutdown();
  });

  it("lets one trial through when half-open: its success closes the circuit", async () => {
    const { breaker, states, send, openThenWait } = circuit();
    await openThenWait();
    expect(breaker.state).toBe("half-open");
    status = 200;
    delayMs = 50;
    const trial = send();
    // A second call while the trial is out still fails fast.
    await expect(send()).rejects.toBeInstanceOf(CircuitOpenError);
    expect((await trial).status).toBe(200);
    expect(breaker.state).toBe("closed");
    expect(states).toEqual(["open", "half-open", "closed"]);
    expect(hits).toBe(5);
    // Closed again with a fresh window: earlier failures do not count.
    status = 500;
    delayMs = 0;
    await send();
    expect(breaker.state).toBe("closed");
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
