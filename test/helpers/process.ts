import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { until } from "./until.js";

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
}

/** Start `node build/index.js` on loopback with `env` (and nothing else of this process's env). */
export function startBuilt(env: Record<string, string>): BuiltServer {
  const child = spawn(process.execPath, [ENTRY], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", chunk => (stdout += chunk));
  child.stderr!.on("data", chunk => (stderr += chunk));
  const exit = once(child, "exit").then(([code]) => code as number | null);
  const readyLine = () => /ready at (http:\/\/[\d.:]+)\/graphql/.exec(stdout);
  return {
    child,
    out: () => stdout,
    err: () => stderr,
    lines: () =>
      stdout
        .split("\n")
        .filter(line => line.startsWith("{"))
        .map(line => JSON.parse(line) as Record<string, unknown>),
    async ready() {
      await until(() => readyLine() !== null || child.exitCode !== null, "the server to start", 30_000);
      const match = readyLine();
      if (!match) throw new Error(`server did not start:\n${stdout}\n${stderr}`);
      return match[1]!;
    },
    exited: () => exit,
  };
}
