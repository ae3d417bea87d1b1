import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

// The built server (`npm test` builds first), run exactly as `npm start` runs it.
const ENTRY = new URL("../../build/index.js", import.meta.url).pathname;

/** The built server as a child process, with what it wrote so far. */
export interface BuiltServer {
  child: ChildProcess;
  out(): string;
  err(): string;
  /** Its log lines (stdout, JSON) parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Wait for the ready line; the server's base URL. */
  ready(): Promise<string>;
  /** Wait for it to exit; its exit code. */
  exited(): Promise<number | null>;
  /**
   * SIGTERM (it drains, bounded by the server itself), SIGKILL if it has not exited 2 s later;
   * resolves once it has exited. Nothing to do for one that already ended.
   */
  stop(): Promise<void>;
}

const READY_LINE = /ready at (http:\/\/[\d.:]+)\/graphql/;

/**
 * The base URL in a started server's ready line (`output()` is what it wrote so far). No deadline
 * while the process runs: a slow machine is waited for, and the test's (generous) jest timeout is
 * the only hang guard. A process that ends first rejects at once with how it ended and what it
 * wrote, so a server that cannot start says why. Call it right after spawning.
 */
export function readyUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const found = () => READY_LINE.exec(output())?.[1];
    const onData = () => {
      const url = found();
      if (url === undefined) return;
      stopWatching();
      resolve(url);
    };
    // "close", not "exit": its output has been read to the end by then.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
      stopWatching();
      const url = found();
      if (url !== undefined) return resolve(url);
      reject(new Error(`the server ended (${signal ?? `exit code ${code}`}) before it was ready; its output:\n${output()}`));
    };
    const stopWatching = () => {
      child.stdout?.off("data", onData);
      child.off("close", onClose);
    };
    child.stdout?.on("data", onData);
    child.once("close", onClose);
    onData();
  });
}

/**
 * Start `node build/index.js` on loopback with `env` (and nothing else of this process's env),
 * node started with `nodeFlags` (e.g. a small heap).
 */
export function startBuilt(env: Record<string, string>, nodeFlags: readonly string[] = []): BuiltServer {
  const child = spawn(process.execPath, [...nodeFlags, ENTRY], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", chunk => (stdout += chunk));
  child.stderr!.on("data", chunk => (stderr += chunk));
  const exit = once(child, "exit").then(([code]) => code as number | null);
  // Watched from the start, so that however the test awaits it, no line or exit is missed.
  const ready = readyUrl(child, () => `${stdout}${stderr}`);
  ready.catch(() => undefined);
  return {
    child,
    out: () => stdout,
    err: () => stderr,
    lines: () =>
      stdout
        .split("\n")
        .filter(line => line.startsWith("{"))
        .map(line => JSON.parse(line) as Record<string, unknown>),
    ready: () => ready,
    exited: () => exit,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 2000);
        await exit;
        clearTimeout(timer);
      }
    },
  };
}
