import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { until } from "./helpers/until.js";
import { readyUrl } from "./helpers/process.js";
import { DIFFIO_DEMO_KEYS, startDiffioSimulator, type RunningDiffioSim } from "../src/providers/diffio/simulator/diffio.simulator.js";

// These tests run the built server (`npm test` builds first) exactly as `npm start` does.
const ENTRY = new URL("../build/index.js", import.meta.url).pathname;

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", chunk => (stdout += chunk));
  child.stderr!.on("data", chunk => (stderr += chunk));
  return { child, out: () => stdout, err: () => stderr };
}


describe("npm start", () => {
  let npm: ChildProcess | undefined;
  afterAll(() => {
    // The whole process group: were node left behind by npm's shell, it goes too.
    if (npm?.pid) {
      try {
        process.kill(-npm.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  });

  it("passes SIGTERM on to node: node drains and exits, the port closes", async () => {
    const { NODE_OPTIONS: _jest, ...env } = process.env;
    // --ignore-scripts skips `prestart` (the build; `npm test` has built already), not `start`.
    npm = spawn("npm", ["start", "--ignore-scripts"], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    npm.stderr!.resume();
    // npm and the server start at the machine's pace: wait for the ready line, however long.
    const url = await new Promise<string>((resolve, reject) => {
      npm!.stdout!.on("data", chunk => {
        stdout += chunk;
        const match = /ready at (http:\/\/[\d.:]+)\/graphql/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      npm!.once("exit", code => reject(new Error(`npm start exited (${code}) before ready:\n${stdout}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exited = once(npm, "exit");
    npm.kill("SIGTERM");
    await exited;
    // npm waits for its child: once npm is gone, so must node and its port be.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 60_000);
});

describe("the built server", () => {
  it("refuses to start with a clear message for PORT=abc", async () => {
    const proc = start({ PORT: "abc" });
    const [code] = await once(proc.child, "exit");
    expect(code).toBe(1);
    expect(proc.err()).toContain('PORT must be an integer from 0 to 65535 (got "abc")');
  });

  it("refuses to start in live mode with server-side keys and no API_TOKENS", async () => {
    const proc = start({ PORT: "0", PROVIDERS_MODE: "live", DIFFIO_API_KEY: "diffio_live_server_key" });
    const [code] = await once(proc.child, "exit");
    expect(code).toBe(1);
    expect(proc.err()).toContain("API_TOKENS is required");
    expect(proc.err()).not.toContain("diffio_live_server_key");
  });

  describe("on SIGTERM", () => {
    let upstream: RunningDiffioSim;
    let proc: ReturnType<typeof start>;
    let url: string;
    beforeAll(async () => {
      upstream = await startDiffioSimulator();
      proc = start({ PORT: "0", NODE_ENV: "production", PROVIDERS_MODE: "live", DIFFIO_BASE_URL: upstream.url });
      url = await readyUrl(proc.child, () => proc.out());
      // A hang guard only: a slow start is waited for, a failed one ends the hook at once.
    }, 300_000);
    afterAll(async () => {
      proc.child.kill("SIGKILL");
      await upstream.close();
    });

    it("logs the mode in one line, finishes in-flight requests under load, refuses new ones and exits 0", async () => {
      expect(proc.out()).toContain("calling the live provider APIs (PROVIDERS_MODE=live)");
      // The provider holds every answer until the test lets go, so the requests are surely still
      // in flight while the server drains.
      let letGo!: () => void;
      const held = new Promise<void>(resolve => (letGo = resolve));
      upstream.control.hold = () => held;
      const fire = () =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-diffio-api-key": DIFFIO_DEMO_KEYS.admin },
          body: JSON.stringify({ query: "{ account(provider: DIFFIO) { id } }" }),
        });
      let answered = 0;
      const load = Array.from({ length: 20 }, () => fire().finally(() => (answered += 1)));
      // One more read on a raw connection, which stays open (busy) through the drain: a second
      // request written on it after SIGTERM arrives while the server drains.
      const { port } = new URL(url);
      const socket = connect(Number(port), "127.0.0.1");
      let raw = "";
      socket.setEncoding("utf8").on("data", chunk => (raw += chunk));
      const ended = once(socket, "close");
      const read = JSON.stringify({ query: "{ account(provider: DIFFIO) { id } }" });
      const rawRequest =
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `x-diffio-api-key: ${DIFFIO_DEMO_KEYS.admin}\r\ncontent-length: ${Buffer.byteLength(read)}\r\n\r\n${read}`;
      socket.write(rawRequest);
      await until(() => upstream.control.inFlight === 21, "all 21 reads to reach the provider");
      const exited = once(proc.child as ChildProcess, "exit");
      proc.child.kill("SIGTERM");
      await until(() => fetch(`${url}/healthz`).then(() => false, () => true), "new connections to be refused");
      socket.write(rawRequest);
      expect(answered).toBe(0);
      letGo();
      const responses = await Promise.all(load);
      for (const response of responses) {
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ data: { account: { id: "user_demo_1" } } });
      }
      // The read in flight is answered; the one that came during the drain is not run, and the
      // connection closes after it.
      await ended;
      const [first, second] = raw.split(/(?=HTTP\/1\.1 )/);
      expect(first).toMatch(/^HTTP\/1\.1 200 /);
      expect(first).toContain('{"data":{"account":{"id":"user_demo_1"}}}');
      expect(second).toMatch(/^HTTP\/1\.1 503 /);
      expect(second).toMatch(/\r\nconnection: close\r\n/i);
      expect(JSON.parse(second!.slice(second!.indexOf("\r\n\r\n") + 4))).toEqual({
        errors: [{ message: "The server is shutting down; retry on another instance.", extensions: { code: "SHUTTING_DOWN" } }],
      });
      expect(upstream.control.calls.length).toBe(21);
      const [code] = await exited;
      expect(code).toBe(0);
    });
  });
});
