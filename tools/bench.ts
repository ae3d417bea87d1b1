import "reflect-metadata";
import { NODE_FLAGS } from "../src/node-flags.js";
import { providerVariables } from "../src/config.js";
import { type ProviderId } from "../src/contract/provider-facts.js";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { SERVER_ENTRY } from "./repo-paths.js";
import { BENCH_READ } from "./scenarios.js";
import { freePort, procCpuSeconds, procMemoryMb } from "./process-stats.js";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, request } from "node:http";
import { type AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";

/*
 * `npm run bench`: account-graph (built, production settings, live mode) against a bare node:http
 * proxy making the same upstream hop, both in front of the provider simulators. Every party runs
 * in its own process on 127.0.0.1; autocannon runs here, in the driver, so the box's two cores
 * are shared by load generator, server under test and upstream only.
 *
 * Measures: startup time, throughput at 0 ms upstream latency, latency at 20 ms under a fixed
 * offered load (half of account-graph's measured capacity, open loop through autocannon's
 * `overallRate`), `accounts` fan-out at 50 ms, the server's peak RSS, and what OpenTelemetry
 * tracing costs (off, on at 100% sampling). With `BENCH_BASELINE=<dir>` (another build's `build/`
 * directory, e.g. of the commit before a change) that build runs in the same rounds as
 * account-graph at 0 and 20 ms and in the tracing phase: an A/B in one run
 * (`BENCH_BASELINE_FIRST=true` gives it the first slot of each round, for the other order). At 0 ms a third server runs in the same rounds for
 * reference: a plain Apollo + type-graphql + undici.request stack (`plain-apollo.ts`) answering the
 * same query with none of account-graph's production features, i.e. what this machine gives a
 * conventional REST-backed GraphQL server. Exits 0 when targets are missed (it measures),
 * 1 when something failed to run or answered with errors.
 */

const HOST = "127.0.0.1";
const TARGETS = { throughputRatio: 0.6, p99Ratio: 2, p99DiffMs: 5, accountsP50Ms: 70, rssMb: 200 };
const WARMUP_S = 2;
// Above this share of the box taken by other processes during a phase, its figures get a warning.
const BUSY_SHARE = 0.1;
// BENCH_ROUNDS: more alternating rounds per target, for a steadier A/B on a busy machine.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_S = 5;
const STARTUP_TIMEOUT_MS = 20_000;
// The 20 ms phase offers this share of account-graph's measured 0 ms capacity: loaded, not
// saturated, so its p99 is the server's added latency rather than queueing behind one busy core.
const OFFERED_SHARE = 0.5;
// Enough connections that none waits for a free one at the offered rate (rate × 20 ms in flight).
const OPEN_LOOP_CONNECTIONS = 128;
/** Another build's `build/` directory, run beside this one (`BENCH_BASELINE`). */
const BASELINE = process.env.BENCH_BASELINE ? join(process.env.BENCH_BASELINE, "index.js") : undefined;
// `BENCH_BASELINE_FIRST=true`: the baseline takes the first slot of each round, for the other order.
const BASELINE_FIRST = process.env.BENCH_BASELINE_FIRST === "true";
// The whole run is ~2.5 min (~3.5 min with a baseline); anything far beyond that is a hang.
const WATCHDOG_MS = 8 * 60_000;

const ACCOUNTS_QUERY = "{ accounts { provider id } }";
/** The header each provider's key goes in, by provider id (lower case, as node:http sends it). */
const keyHeader = (id: ProviderId) => PROVIDER_MODULES.find(m => m.id === id)!.credentialHeader.toLowerCase();

// ---------------------------------------------------------------- child processes

interface Child {
  name: string;
  proc: ChildProcess;
  /** Its last output, printed when something goes wrong. */
  tail(): string;
  /** Resolves with the first stdout line (piped children only). */
  firstLine: Promise<string>;
}

/** Running children (killed on exit) and every child ever started (their output on failure). */
const children = new Set<Child>();
const started: Child[] = [];
/** account-graph logs go here; removed after a clean run, kept (and named) after a failure. */
const logDir = mkdtempSync(join(tmpdir(), "account-graph-bench-"));

/**
 * Start `node <script>` (relative to this file) with a clean env: no stray LOG_LEVEL or
 * *_API_KEY from the shell. With `logFile`, stdout and stderr go straight to that file.
 */
function startNode(
  name: string,
  script: string,
  env: Record<string, string>,
  logFile?: string,
  flags: readonly string[] = [],
): Child {
  const file = fileURLToPath(new URL(script, import.meta.url));
  // A log file rather than a pipe: account-graph logs every request, and reading that in the
  // driver would take CPU from autocannon and the server under test.
  const fd = logFile ? openSync(logFile, "w") : undefined;
  // stdin stays a pipe: the helpers exit when it closes, so they never outlive a killed driver.
  const stdio: Array<"pipe" | number> = fd === undefined ? ["pipe", "pipe", "pipe"] : ["pipe", fd, fd];
  const proc: ChildProcess = spawn(process.execPath, [...flags, file], { env: { PATH: process.env.PATH ?? "", ...env }, stdio });
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
async function stop(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise(resolve => child.proc.once("exit", resolve));
  child.proc.kill("SIGTERM");
  const timer = setTimeout(() => child.proc.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

async function stopAll(): Promise<void> {
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

// ---------------------------------------------------------------- the three kinds of process

interface Upstream {
  child: Child;
  /** Each simulator's base URL, by provider id. */
  urls: Record<ProviderId, string>;
  /** Each simulator's demo key, by provider id. */
  keys: Record<ProviderId, string>;
}

/** bench-upstream: every provider's simulator at `latencyMs`, in their own process. */
async function startUpstream(latencyMs: number): Promise<Upstream> {
  const child = startNode(`upstream@${latencyMs}ms`, "./bench-upstream.js", { BENCH_UPSTREAM_LATENCY_MS: String(latencyMs) });
  const line = await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name);
  return { child, ...(JSON.parse(line) as Omit<Upstream, "child">) };
}

/** bare-proxy in front of the upstream's simulator of the scenario provider (`BENCH_READ`). */
async function startProxy(upstream: Upstream): Promise<{ child: Child; url: string }> {
  const child = startNode("bare-proxy", "./bare-proxy.js", { UPSTREAM_BASE_URL: upstream.urls[BENCH_READ.provider], HOST });
  const { port } = JSON.parse(await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name)) as { port: number };
  return { child, url: `http://${HOST}:${port}/graphql` };
}

/** plain-apollo (the conventional-stack reference) in front of the same simulator. */
async function startPlain(upstream: Upstream): Promise<{ child: Child; url: string }> {
  const child = startNode("plain-apollo", "./plain-apollo.js", { UPSTREAM_BASE_URL: upstream.urls[BENCH_READ.provider], NODE_ENV: "production" });
  const { port } = JSON.parse(await withTimeout(child.firstLine, STARTUP_TIMEOUT_MS, child.name)) as { port: number };
  return { child, url: `http://${HOST}:${port}/` };
}

/**
 * Start account-graph exactly as deployed (production, live mode) and time spawn → first 200 of
 * /readyz. `env` adds variables (tracing); `entry` runs another build (the A/B baseline).
 */
async function startServer(
  upstream: Upstream,
  options: { env?: Record<string, string>; entry?: string; name?: string } = {},
): Promise<{ child: Child; url: string }> {
  const { env = {}, entry = pathToFileURL(SERVER_ENTRY).href, name = "account-graph" } = options;
  const port = await freePort(HOST);
  const t0 = performance.now();
  const logFile = join(logDir, `${name}-${starts.length + 1}.log`);
  const childEnv: Record<string, string> = { ...env, NODE_ENV: "production", PROVIDERS_MODE: "live", PORT: String(port), HOST };
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

/** Every account-graph start: spawn → ready time, and peak RSS once ready (the idle baseline). */
const starts: Array<{ name: string; startupMs: number; rssMb: number; logFile: string }> = [];

/** Size of a log in lines and MB: production logs every request, which is part of its cost. */
function logVolume(file: string): string {
  const text = readFileSync(file, "utf8");
  return `${text.split("\n").length - 1} log lines (${fmt(Buffer.byteLength(text) / 2 ** 20)} MB)`;
}


function peakRssMb(pid: number | undefined): number {
  return procMemoryMb(pid, "VmHWM");
}

/**
 * CPU time (s) used on the whole box and by this driver plus its exited children, from /proc.
 * The box is shared: the difference tells how much of it other processes took during a phase,
 * i.e. how far the figures of that phase can be trusted. Undefined where /proc is not available.
 */
function cpuSnapshot(): { box: number; ours: number } | undefined {
  try {
    const hz = 100; // USER_HZ, 100 on every Linux Node supports
    const box = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
    const busy = box[1]! + box[2]! + box[3]! + box[6]! + box[7]! + box[8]!;
    const self = readFileSync("/proc/self/stat", "utf8");
    const f = self.slice(self.lastIndexOf(")") + 2).split(" ").map(Number);
    // utime stime cutime cstime: children count once they have exited and been reaped.
    return { box: busy / hz, ours: (f[11]! + f[12]! + f[13]! + f[14]!) / hz };
  } catch {
    return undefined;
  }
}

/** Share of the box's CPU (0..1) used by processes other than ours between two snapshots. */
function foreignShare(from: ReturnType<typeof cpuSnapshot>, wallS: number): number {
  const to = cpuSnapshot();
  if (!from || !to) return NaN;
  const foreign = to.box - from.box - (to.ours - from.ours);
  return Math.max(0, foreign) / (wallS * availableParallelism());
}

// ---------------------------------------------------------------- HTTP helpers (node:http: no fetch pool in the driver)

function httpStatus(url: string): Promise<number | undefined> {
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

function postJson(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers, agent: false, timeout: 10_000 }, res => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
        } catch {
          reject(new Error(`${url}: status ${res.statusCode}, body is not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${url}: timeout`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** One real request before measuring: a target answering errors would make every figure meaningless. */
async function verify(label: string, load: Load, check: (data: any) => boolean): Promise<void> {
  const { status, json } = await postJson(load.url, load.headers, load.body);
  if (status !== 200 || json.errors || !json.data || !check(json.data)) {
    throw new Error(`${label}: unexpected answer (status ${status}): ${JSON.stringify(json).slice(0, 500)}`);
  }
}

// ---------------------------------------------------------------- load

interface Load {
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** non-2xx + connection errors/timeouts + bodies with GraphQL errors or no data. */
  bad: number;
}

// Cheap per-response check (string ops only; JSON.parse here would steal CPU from the servers).
const goodBody = (body: unknown) => typeof body === "string" && body.startsWith('{"data":') && !body.includes('"errors"');

/** A closed loop of `connections`, or with `rate`, that many requests per second over all of them. */
async function cannon(load: Load, connections: number, seconds: number, rate?: number): Promise<Round> {
  const r = await autocannon({
    ...load,
    method: "POST",
    connections,
    duration: seconds,
    verifyBody: goodBody,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.mismatches,
  };
}

interface Series {
  label: string;
  rounds: Round[];
  /** Bad responses in warm-up runs (not in `rounds`). */
  warmupBad: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = (s: Series) => ({
  rps: mean(s.rounds.map(r => r.rps)),
  p50: mean(s.rounds.map(r => r.p50)),
  p99: mean(s.rounds.map(r => r.p99)),
  bad: s.warmupBad + s.rounds.reduce((a, r) => a + r.bad, 0),
});

/** Warm up each target, then alternate rounds (A B A B ...) so drift (thermal, GC, neighbours) hits both alike. */
async function compare(targets: Array<{ label: string; load: Load }>, connections: number, rate?: number): Promise<Series[]> {
  const series = targets.map(t => ({ label: t.label, rounds: [] as Round[], warmupBad: 0 }));
  for (const [i, t] of targets.entries()) series[i]!.warmupBad += (await cannon(t.load, connections, WARMUP_S, rate)).bad;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) series[i]!.rounds.push(await cannon(t.load, connections, ROUND_S, rate));
  }
  return series;
}

// ---------------------------------------------------------------- report

const raw: string[] = [];
const rows: Array<[figure: string, target: string, measured: string, verdict: string]> = [];
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

function logSeries(title: string, series: Series[]): void {
  raw.push(title);
  for (const s of series) {
    const rounds = s.rounds.map(r => `${fmt(r.rps, 0)} req/s p50 ${r.p50} p99 ${r.p99} (${r.requests} req, ${r.bad} bad)`);
    raw.push(`  ${s.label.padEnd(14)} ${rounds.join(" | ")}${s.warmupBad ? ` | warm-up bad: ${s.warmupBad}` : ""}`);
  }
}

function printTable(): void {
  const header: [string, string, string, string] = ["figure", "target", "measured", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`\n${raw.join("\n")}\n`);
  console.log(line(header));
  console.log(widths.map(w => "-".repeat(w)).join("-|-"));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------- phases

const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const jsonHeaders = { "content-type": "application/json" };

const phaseLoad: Array<{ name: string; share: number }> = [];

/** Mark a phase's start; the returned function records how busy other processes kept the box meanwhile. */
function phase(name: string): () => void {
  progress(name);
  const cpu = cpuSnapshot();
  const t0 = performance.now();
  return () => phaseLoad.push({ name: name.split(":")[0]!, share: foreignShare(cpu, (performance.now() - t0) / 1000) });
}

const accountLoad = (url: string, up: Upstream): Load => ({
  url,
  headers: { ...jsonHeaders, [keyHeader(BENCH_READ.provider)]: up.keys[BENCH_READ.provider] },
  body: JSON.stringify({ query: BENCH_READ.query }),
});
const hasAccount = BENCH_READ.answered;

/**
 * Phases 2 and 3: a fresh upstream at `latencyMs` with account-graph and the bare proxy in front
 * (fresh processes, so nothing carries over between phases), then alternating rounds.
 */
async function versusProxy(latencyMs: number, connections: number, options: { withPlain?: boolean; rate?: number } = {}) {
  const up = await startUpstream(latencyMs);
  const server = await startServer(up);
  const baseline = BASELINE ? await startServer(up, { entry: pathToFileURL(BASELINE).href, name: "baseline" }) : undefined;
  const proxy = await startProxy(up);
  const plain = options.withPlain ? await startPlain(up) : undefined;
  try {
    const targets = [
      { label: "account-graph", load: accountLoad(server.url, up) },
      { label: "bare proxy", load: accountLoad(proxy.url, up) },
      ...(plain ? [{ label: "plain stack", load: accountLoad(plain.url, up) }] : []),
      ...(baseline ? [{ label: "baseline", load: accountLoad(baseline.url, up) }] : []),
    ];
    if (BASELINE_FIRST && baseline) targets.unshift(targets.pop()!);
    for (const t of targets) await verify(t.label, t.load, hasAccount);
    const series = await compare(targets, connections, options.rate);
    const offered = options.rate ? `, offered ${fmt(options.rate, 0)} req/s` : "";
    logSeries(`${BENCH_READ.label} @${latencyMs} ms upstream, ${connections} connections${offered}:`, series);
    const byLabel = (label: string) => series.find(s => s.label === label);
    return {
      ag: summary(byLabel("account-graph")!),
      px: summary(byLabel("bare proxy")!),
      plain: plain ? summary(byLabel("plain stack")!) : undefined,
      baseline: baseline ? { ...summary(byLabel("baseline")!), rssMb: peakRssMb(baseline.child.proc.pid) } : undefined,
      rssMb: peakRssMb(server.child.proc.pid),
    };
  } finally {
    await Promise.all([stop(server.child), stop(proxy.child), ...(plain ? [stop(plain.child)] : []), ...(baseline ? [stop(baseline.child)] : []), stop(up.child)]);
  }
}

/** Phase 4: `accounts` over every provider at 50 ms each; parallel calls should cost about one. */
async function fanOut() {
  const up = await startUpstream(50);
  const server = await startServer(up);
  try {
    const keys = Object.fromEntries(PROVIDER_MODULES.map(m => [keyHeader(m.id), up.keys[m.id]]));
    const load: Load = { url: server.url, headers: { ...jsonHeaders, ...keys }, body: JSON.stringify({ query: ACCOUNTS_QUERY }) };
    await verify("accounts", load, d => Array.isArray(d.accounts) && d.accounts.length === PROVIDER_MODULES.length && d.accounts.every(Boolean));
    const warmupBad = (await cannon(load, 10, WARMUP_S)).bad;
    const series: Series = { label: "account-graph", rounds: [await cannon(load, 10, ROUND_S)], warmupBad };
    logSeries(`accounts (${PROVIDER_MODULES.length} providers) @50 ms upstream, 10 connections:`, [series]);
    return { ag: summary(series), rssMb: peakRssMb(server.child.proc.pid) };
  } finally {
    await Promise.all([stop(server.child), stop(up.child)]);
  }
}

/** A sink for OTLP exports: drains and acknowledges them (the collector's cost is not ours). */
async function startSpanSink(): Promise<{ url: string; exports: () => number; close: () => void }> {
  let exports = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      exports += 1;
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${HOST}:${port}`, exports: () => exports, close: () => server.close() };
}

/**
 * Phase 5: what tracing costs. account-graph with tracing off, with tracing on at 100% sampling
 * (OTLP protobuf to a sink), and, with BENCH_BASELINE, that other build: alternating rounds at 0 ms upstream, so "off" is compared with the code before
 * tracing existed in the same run.
 */
async function tracingCost() {
  const up = await startUpstream(0);
  const sink = await startSpanSink();
  const off = await startServer(up);
  const on = await startServer(up, {
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: "always_on" },
  });
  const base = BASELINE ? await startServer(up, { entry: pathToFileURL(BASELINE).href, name: "baseline" }) : undefined;
  try {
    const targets = [
      { label: "tracing off", load: accountLoad(off.url, up) },
      { label: "tracing 100%", load: accountLoad(on.url, up) },
      ...(base ? [{ label: "baseline", load: accountLoad(base.url, up) }] : []),
    ];
    for (const t of targets) await verify(t.label, t.load, hasAccount);
    // Server CPU per request as well as req/s: on a shared box, others' load moves throughput a
    // lot and the CPU a request costs far less. Counted over the measured rounds only.
    const pids = [off, on, ...(base ? [base] : [])].map(s => s.child.proc.pid);
    const series = targets.map(t => ({ label: t.label, rounds: [] as Round[], warmupBad: 0 }));
    const cpu = targets.map(() => 0);
    for (const [i, t] of targets.entries()) series[i]!.warmupBad += (await cannon(t.load, 32, WARMUP_S)).bad;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, t] of targets.entries()) {
        const before = procCpuSeconds(pids[i]);
        series[i]!.rounds.push(await cannon(t.load, 32, ROUND_S));
        cpu[i]! += procCpuSeconds(pids[i]) - before;
      }
    }
    const cpuUs = series.map((s, i) => (cpu[i]! * 1e6) / s.rounds.reduce((a, r) => a + r.requests, 0));
    logSeries(`tracing cost: ${BENCH_READ.label} @0 ms upstream, 32 connections (${sink.exports()} span exports received):`, series);
    raw.push(`  server CPU per request (µs): ${series.map((s, i) => `${s.label} ${fmt(cpuUs[i]!, 0)}`).join(", ")}`);
    return {
      off: { ...summary(series[0]!), cpuUs: cpuUs[0]! },
      on: { ...summary(series[1]!), cpuUs: cpuUs[1]! },
      base: series[2] ? { ...summary(series[2]), cpuUs: cpuUs[2]! } : undefined,
      exports: sink.exports(),
    };
  } finally {
    await Promise.all([stop(off.child), stop(on.child), ...(base ? [stop(base.child)] : []), stop(up.child)]);
    sink.close();
  }
}

const errorsRow = (figure: string, bad: number, shown = String(bad)) =>
  rows.push([`non-2xx/errors ${figure}`, "0", shown, bad === 0 ? "PASS" : "FAIL"]);

/** The phase 5 rows of the table. */
function tracingRows(p5: Awaited<ReturnType<typeof tracingCost>>): void {
  rows.push(["tracing: req/s off / on at 100%", "-", `${fmt(p5.off.rps, 0)} / ${fmt(p5.on.rps, 0)}`, "info"]);
  rows.push(["tracing: p99 off / on at 100% (ms)", "-", `${fmt(p5.off.p99)} / ${fmt(p5.on.p99)}`, "info"]);
  rows.push(["tracing: on / off req/s", "-", fmt(p5.on.rps / p5.off.rps, 2), "info"]);
  rows.push(["tracing: server CPU/request off / on (µs)", "-", `${fmt(p5.off.cpuUs, 0)} / ${fmt(p5.on.cpuUs, 0)}`, "info"]);
  if (p5.base) {
    rows.push(["tracing off / baseline CPU/request (µs)", "-", `${fmt(p5.off.cpuUs, 0)} / ${fmt(p5.base.cpuUs, 0)}`, "info"]);
    rows.push(["tracing off / baseline build req/s", "-", `${fmt(p5.off.rps, 0)} / ${fmt(p5.base.rps, 0)} (${fmt(p5.off.rps / p5.base.rps, 2)})`, "info"]);
    rows.push(["tracing off / baseline build p99 (ms)", "-", `${fmt(p5.off.p99)} / ${fmt(p5.base.p99)}`, "info"]);
  }
  errorsRow("tracing off / on", p5.off.bad + p5.on.bad, `${p5.off.bad} / ${p5.on.bad}`);
}

/** Runs the phases, fills `raw` and `rows`; false when any response was an error. */
async function main(): Promise<boolean> {
  raw.push(`load average at start (1/5/15 min): ${loadavg().map(l => l.toFixed(2)).join(" / ")} on ${availableParallelism()} cores`);

  if (process.env.BENCH_ONLY === "tracing") return tracingOnly();
  let endPhase = phase("phase 1+2: startup; throughput at 0 ms upstream, 32 connections");
  const p2 = await versusProxy(0, 32, { withPlain: true });
  endPhase();
  const offered = Math.round(p2.ag.rps * OFFERED_SHARE);
  endPhase = phase(`phase 3: latency at 20 ms upstream, ${offered} req/s offered (${OFFERED_SHARE} of account-graph's capacity)`);
  const p3 = await versusProxy(20, OPEN_LOOP_CONNECTIONS, { rate: offered });
  endPhase();
  endPhase = phase(`phase 4: accounts over ${PROVIDER_MODULES.length} providers at 50 ms upstream, 10 connections`);
  const p4 = await fanOut();
  endPhase();
  endPhase = phase("phase 5: tracing off / on at 100% sampling (/ baseline build), 0 ms upstream, 32 connections");
  const p5 = await tracingCost();
  endPhase();

  raw.push("account-graph processes (one per phase; startup = spawn → first 200 of /readyz, polled every 20 ms):");
  for (const s of starts) raw.push(`  ${s.name}: ${fmt(s.startupMs, 0)} ms to ready, ${fmt(s.rssMb)} MB peak RSS when ready, ${logVolume(s.logFile)}`);
  // VmHWM is the high-water mark since the process started, so reading it at the end of a phase covers the phase.
  const rss = [p2.rssMb, p3.rssMb, p4.rssMb];
  raw.push(`peak RSS (VmHWM) of account-graph at the end of each phase (MB): ${rss.map(r => fmt(r)).join(", ")}`);
  raw.push(`CPU taken by other processes (share of all cores): ${phaseLoad.map(p => `${p.name} ${fmt(p.share * 100, 0)}%`).join(", ")}`);

  const { ag, px } = p2;
  rows.push(["startup time (first start)", "-", `${fmt(starts[0]!.startupMs, 0)} ms`, "info"]);
  rows.push(["req/s @0ms ag / proxy", "-", `${fmt(ag.rps, 0)} / ${fmt(px.rps, 0)}`, "info"]);
  rows.push(["throughput ratio (req/s)", `>= ${TARGETS.throughputRatio.toFixed(2)}`, fmt(ag.rps / px.rps, 2), verdict(ag.rps / px.rps >= TARGETS.throughputRatio)]);
  rows.push(["p50 @0ms ag / proxy (ms)", "-", `${fmt(ag.p50)} / ${fmt(px.p50)}`, "info"]);
  rows.push(["p99 @0ms ag / proxy (ms)", "-", `${fmt(ag.p99)} / ${fmt(px.p99)}`, "info"]);
  rows.push(["p99 ratio @0ms (ag/proxy)", `<= ${TARGETS.p99Ratio.toFixed(2)}`, fmt(ag.p99 / px.p99, 2), verdict(ag.p99 / px.p99 <= TARGETS.p99Ratio)]);
  errorsRow("@0ms ag / proxy", ag.bad + px.bad, `${ag.bad} / ${px.bad}`);
  const plain = p2.plain!;
  rows.push(["reference: plain stack req/s / proxy", "-", fmt(plain.rps / px.rps, 2), "info"]);
  rows.push(["reference: ag req/s / plain stack", "-", fmt(ag.rps / plain.rps, 2), "info"]);
  rows.push(["reference: plain stack p99 (ms)", "-", fmt(plain.p99), "info"]);
  const diff = p3.ag.p99 - p3.px.p99;
  rows.push(["p50 @20ms ag / proxy (ms)", "-", `${fmt(p3.ag.p50)} / ${fmt(p3.px.p50)}`, "info"]);
  rows.push(["p99 @20ms ag / proxy (ms)", "-", `${fmt(p3.ag.p99)} / ${fmt(p3.px.p99)}`, "info"]);
  rows.push([`p99 difference @20ms, ${offered} req/s offered (ms)`, `<= ${TARGETS.p99DiffMs}`, fmt(diff), verdict(diff <= TARGETS.p99DiffMs)]);
  errorsRow("@20ms ag / proxy", p3.ag.bad + p3.px.bad, `${p3.ag.bad} / ${p3.px.bad}`);
  rows.push(["accounts p50 @50ms (ms)", `< ${TARGETS.accountsP50Ms}`, fmt(p4.ag.p50), verdict(p4.ag.p50 < TARGETS.accountsP50Ms)]);
  rows.push(["accounts p99 @50ms (ms)", "-", fmt(p4.ag.p99), "info"]);
  errorsRow("accounts", p4.ag.bad);
  tracingRows(p5);
  const peak = Math.max(...rss);
  const b2 = p2.baseline;
  const b3 = p3.baseline;
  if (b2 && b3) {
    rows.push(["A/B req/s @0ms ag / baseline", "-", `${fmt(ag.rps, 0)} / ${fmt(b2.rps, 0)} (${fmt(ag.rps / b2.rps, 2)}x)`, "info"]);
    rows.push(["A/B p99 @0ms ag / baseline (ms)", "-", `${fmt(ag.p99)} / ${fmt(b2.p99)}`, "info"]);
    rows.push(["A/B p99 @20ms offered ag / baseline (ms)", "-", `${fmt(p3.ag.p99)} / ${fmt(b3.p99)}`, "info"]);
    rows.push(["A/B peak RSS @0ms ag / baseline (MB)", "-", `${fmt(p2.rssMb)} / ${fmt(b2.rssMb)}`, "info"]);
    rows.push(["A/B peak RSS @20ms offered ag / baseline (MB)", "-", `${fmt(p3.rssMb)} / ${fmt(b3.rssMb)}`, "info"]);
    errorsRow("baseline", b2.bad + b3.bad);
  }
  rows.push(["peak RSS account-graph (MB)", `< ${TARGETS.rssMb}`, fmt(peak), Number.isFinite(peak) ? verdict(peak < TARGETS.rssMb) : "n/a"]);

  printTable();
  const busy = phaseLoad.filter(p => p.share > BUSY_SHARE);
  if (busy.length) {
    console.log(
      `\nWARNING: other processes took more than ${BUSY_SHARE * 100}% of the CPU during ${busy.map(p => p.name).join(", ")}; ` +
        "those figures are pessimistic. Re-run on a quiet machine.",
    );
  }
  return (
    ag.bad + px.bad + plain.bad + p3.ag.bad + p3.px.bad + p4.ag.bad + (b2?.bad ?? 0) + (b3?.bad ?? 0) +
      p5.off.bad + p5.on.bad + (p5.base?.bad ?? 0) === 0
  );
}

/** `BENCH_ONLY=tracing`: phase 5 alone, for repeated A/B runs of the tracing cost. */
async function tracingOnly(): Promise<boolean> {
  const endPhase = phase("phase 5 only: tracing off / on at 100% sampling (/ baseline build)");
  const p5 = await tracingCost();
  endPhase();
  raw.push(`CPU taken by other processes (share of all cores): ${phaseLoad.map(p => `${p.name} ${fmt(p.share * 100, 0)}%`).join(", ")}`);
  tracingRows(p5);
  printTable();
  return p5.off.bad + p5.on.bad + (p5.base?.bad ?? 0) === 0;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up\n`);
  void stopAll().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

let code = 0;
try {
  if (!(await main())) {
    process.stderr.write("bench: some responses were errors (see the non-2xx/errors rows)\n");
    code = 1;
  }
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  for (const child of started) {
    const tail = child.tail();
    if (tail) process.stderr.write(`--- last output of ${child.name} ---\n${tail}\n`);
  }
  process.stderr.write(`bench: account-graph logs kept in ${logDir}\n`);
  code = 1;
} finally {
  await stopAll();
}
if (code === 0) rmSync(logDir, { recursive: true, force: true });
process.exit(code);
