import "reflect-metadata";
import { NODE_FLAGS, START_ENV } from "../src/node-flags.js";
import { providerVariables } from "../src/config.js";
import { type ProviderId } from "../src/contract/provider-facts.js";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { SERVER_ENTRY } from "./repo-paths.js";
import { BENCH_READ } from "./scenarios.js";
import { fmt } from "./bench-report.js";
import { freePort, procMemoryMb } from "./process-stats.js";
import { onCpus, type Role } from "./cpu-sets.js";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

/*
 * The processes `npm run bench` starts, each on 127.0.0.1 in its own process: the upstream (every
 * provider's simulator), the bare proxy, the plain stack and account-graph (this build or another,
 * `BENCH_BASELINE`). Children are killed when the driver exits, however it exits.
 */

export const HOST = "127.0.0.1";
const STARTUP_TIMEOUT_MS = 20_000;

export interface Child {
  name: string;
  proc: ChildProcess;
  /** Its last output, printed when something goes wrong. */
  tail(): string;
  /** Resolves with the first stdout line (piped children only). */
  firstLine: Promise<string>;
}

/** A server under test: its process and the URL the load goes to. */
export interface Target {
  child: Child;
  url: string;
}

/** Running children (killed on exit) and every child ever started (their output on failure). */
const children = new Set<Child>();
export const started: Child[] = [];
/** account-graph logs go here; removed after a clean run, kept (and named) after a failure. */
export const logDir = mkdtempSync(join(tmpdir(), "account-graph-bench-"));

/** The pids of the children running now (their CPU is part of the bench's own). */
export const runningPids = () => [...children].map(c => c.proc.pid);

/**
 * Start `node <script>` (relative to this file) with a clean env: no stray LOG_LEVEL or
 * *_API_KEY from the shell. With `logFile`, stdout and stderr go straight to that file. It runs on
 * the CPUs of its `role` (`cpu-sets.ts`): servers under test apart from the upstream.
 */
function startNode(
  name: string,
  script: string,
  env: Record<string, string>,
  logFile?: string,
  flags: readonly string[] = [],
  role: Role = "server",
): Child {
  const file = fileURLToPath(new URL(script, import.meta.url));
  // A log file rather than a pipe: account-graph logs every request, and reading that in the
  // driver would take CPU from the load generator and the server under test.
  const fd = logFile ? openSync(logFile, "w") : undefined;
  // stdin stays a pipe: the helpers exit when it closes, so they never outlive a killed driver.
  const stdio: Array<"pipe" | number> = fd === undefined ? ["pipe", "pipe", "pipe"] : ["pipe", fd, fd];
  const [command, args] = onCpus(role, process.execPath, [...flags, file]);
  const proc: ChildProcess = spawn(command, args, { env: { PATH: process.env.PATH ?? "", ...env }, stdio });
  if (fd !== undefined) closeSync(fd);
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  const firstLine = new Promise<string>((resolve, reject) => {
    proc.once("exit", code => reject(new Error(`${name} exited (code ${code}) before printing anything`)));
    if (!proc.stdout) return;
    createInterface({ input: proc.stdout }).on("line", line => {
      keep(line);
      resolve(line);
    });
    createInterface({ input: proc.stderr! }).on("line", keep);
  });
  firstLine.catch(() => undefined); // observed by whoever awaits it
  const tail = () => (logFile ? readFileSync(logFile, "utf8").slice(-4000) : lines.join("\n"));
  const child = { name, proc, tail, firstLine };
  children.add(child);
  started.push(child);
  proc.once("exit", () => children.delete(child));
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited within 3 s. */
export async function stop(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise(resolve => child.proc.once("exit", resolve));
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stop));
}

// Last resort for any path that skips stopAll (uncaught error, process.exit): never leave orphans.
process.on("exit", () => {
  for (const child of children) child.proc.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping child processes\n`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function httpStatus(url: string): Promise<number | undefined> {
  return new Promise(resolve => {
    const req = request(url, { agent: false, timeout: 1000 }, res => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined)); // not listening yet
    req.end();
  });
}

// ---------------------------------------------------------------- the four kinds of process

export interface Upstream {
  child: Child;
  /** Each simulator's base URL, by provider id. */
  urls: Record<ProviderId, string>;
  /** Each simulator's demo key, by provider id. */
  keys: Record<ProviderId, string>;
}

/** bench-upstream: every provider's simulator at `latencyMs`, in their own process. */
export async function startUpstream(latencyMs: number): Promise<Upstream> {
  // The upstream is the instrument every server is measured through, so it must not pause.
  // Under a steady 1,500 req/s V8's memory reducer ran a shrinking mark-compact in it after about
  // 100 s (25 ms alone, 60 ms on the loaded box), which held every answer of the server being
  // measured at that moment: the one-round spikes at 1,500 req/s (docs/performance.md).
  const child = startNode(`upstream@${latencyMs}ms`, "./bench-upstream.js", { BENCH_UPSTREAM_LATENCY_MS: String(latencyMs) }, undefined, ["--no-memory-reducer"], "driver");
  const line = await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name);
  return { child, ...(JSON.parse(line) as Omit<Upstream, "child">) };
}

/** bare-proxy in front of the upstream's simulator of the scenario provider (`BENCH_READ`). */
export async function startProxy(upstream: Upstream): Promise<Target> {
  const child = startNode("bare-proxy", "./bare-proxy.js", { UPSTREAM_BASE_URL: upstream.urls[BENCH_READ.provider], HOST });
  const { port } = JSON.parse(await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name)) as { port: number };
  return { child, url: `http://${HOST}:${port}/graphql` };
}

/** plain-apollo (the conventional stack: Apollo standalone + SDL + undici) in front of the same simulator. */
export async function startPlain(upstream: Upstream): Promise<Target> {
  const child = startNode("plain-apollo", "./plain-apollo.js", { UPSTREAM_BASE_URL: upstream.urls[BENCH_READ.provider], NODE_ENV: "production" });
  const { port } = JSON.parse(await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name)) as { port: number };
  return { child, url: `http://${HOST}:${port}/` };
}

/** Every account-graph start: spawn → ready time, and peak RSS once ready (the idle baseline). */
export const starts: Array<{ name: string; startupMs: number; rssMb: number; logFile: string }> = [];

/**
 * Start account-graph exactly as deployed (production, live mode, `NODE_FLAGS` and `START_ENV`) and time spawn →
 * first 200 of /readyz. `env` adds variables (tracing); `entry` runs another build (the baseline).
 */
export async function startServer(
  upstream: Upstream,
  options: { env?: Record<string, string>; entry?: string; name?: string } = {},
): Promise<Target> {
  const { env = {}, entry = pathToFileURL(SERVER_ENTRY).href, name = "account-graph" } = options;
  const port = await freePort(HOST);
  const t0 = performance.now();
  const logFile = join(logDir, `${name}-${starts.length + 1}.log`);
  const childEnv: Record<string, string> = { ...START_ENV, ...env, NODE_ENV: "production", PROVIDERS_MODE: "live", PORT: String(port), HOST };
  for (const m of PROVIDER_MODULES) childEnv[providerVariables(m.id).baseUrl] = upstream.urls[m.id];
  const child = startNode(name, entry, childEnv, logFile, NODE_FLAGS);
  for (;;) {
    const status = await httpStatus(`http://${HOST}:${port}/readyz`);
    if (status === 200) break;
    if (child.proc.exitCode !== null) throw new Error(`${name} exited with code ${child.proc.exitCode} while starting`);
    if (performance.now() - t0 > STARTUP_TIMEOUT_MS) throw new Error(`${name} not ready within 20 s`);
    await sleep(20);
  }
  starts.push({ name, startupMs: performance.now() - t0, rssMb: peakRssMb(child.proc.pid), logFile });
  return { child, url: `http://${HOST}:${port}/graphql` };
}

/** The process's peak resident set so far (VmHWM), in MB: read at the end of a phase, it covers the phase. */
export function peakRssMb(pid: number | undefined): number {
  return procMemoryMb(pid, "VmHWM");
}

/** Size of a log in lines and MB: production logs every request, which is part of its cost. */
export function logVolume(file: string): string {
  const text = readFileSync(file, "utf8");
  return `${text.split("\n").length - 1} log lines (${fmt(Buffer.byteLength(text) / 2 ** 20)} MB)`;
}

/** The header each provider's key goes in, by provider id (lower case, as node:http sends it). */
export const keyHeader = (id: ProviderId) => PROVIDER_MODULES.find(m => m.id === id)!.credentialHeader.toLowerCase();

/** The bench's read (`BENCH_READ`) sent to `url` with the upstream's demo key. */
export const readLoad = (url: string, up: Upstream) => ({
  url,
  headers: { "content-type": "application/json", [keyHeader(BENCH_READ.provider)]: up.keys[BENCH_READ.provider] },
  body: JSON.stringify({ query: BENCH_READ.query }),
});
