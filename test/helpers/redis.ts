import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, Socket } from "node:net";
import { REDIS_SERVER_ENV, resolveRedisServer } from "./global-setup.js";

/**
 * The redis-server the run uses: the one jest's global setup found, else (a worker started some
 * other way) found again here.
 */
async function redisServerBinary(): Promise<string> {
  const found = await resolveRedisServer();
  if ("path" in found) return found.path;
  throw new Error(found.missing);
}

/** A throwaway redis-server on loopback: its URL, and `stop()` (always call it in afterAll). */
export interface TestRedis {
  url: string;
  port: number;
  /** The server's output so far (for failure messages). */
  output(): string;
  /** SIGKILL the server (as if its host died) and wait for it to exit. Safe to call twice. */
  kill(): Promise<void>;
  /** Start it again on the same port (after {@link kill}), empty. */
  restart(): Promise<void>;
  /**
   * SIGSTOP the server: it keeps its port and connections but answers nothing (a stalled Redis, a
   * node gone away without closing its sockets) until {@link resume}.
   */
  pause(): void;
  /** SIGCONT a paused server: it answers everything sent meanwhile, in order. */
  resume(): void;
  /** Stop it and wait for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/** A free TCP port on loopback (bound, read, released: good enough for a test-only child). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

/**
 * Start `redis-server` on a free loopback port with persistence off (the tests' data is throwaway
 * and must not leave dump files behind), and wait until it answers PING.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = process.env[REDIS_SERVER_ENV] ?? (await redisServerBinary());
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = "";

  async function launch(): Promise<void> {
    const proc = spawn(
      binary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = proc;
    proc.stdout!.on("data", chunk => (output += chunk));
    proc.stderr!.on("data", chunk => (output += chunk));
    const exited = once(proc, "exit").then(() => {
      throw new Error(`redis-server exited before accepting connections:\n${output}`);
    });
    exited.catch(() => undefined);
    // No deadline while it runs: a slow machine is waited for (the caller's jest timeout is the
    // hang guard); a server that exits fails at once with its output.
    for (;;) {
      if (await ping(port)) return;
      await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 20))]);
    }
  }

  async function stopChild(signal: NodeJS.Signals): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, "exit");
    // A paused server acts on SIGTERM only once it runs again.
    proc.kill("SIGCONT");
    proc.kill(signal);
    await exited;
  }

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    output: () => output,
    kill: () => stopChild("SIGKILL"),
    restart: launch,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    stop: () => stopChild("SIGTERM"),
  };
}

// One inline PING over a raw socket: no client library, so readiness does not depend on ioredis.
function ping(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", chunk => done(chunk.toString().startsWith("+PONG")));
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
  });
}
