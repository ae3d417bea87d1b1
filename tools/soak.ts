import "reflect-metadata";
import { freePort, procMemoryMb } from "./process-stats.js";
import { SERVER_ENTRY } from "./repo-paths.js";
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { providerVariables } from "../src/config.js";
import { type ProviderId } from "../src/contract/provider-facts.js";
import { NODE_FLAGS, START_ENV } from "../src/node-flags.js";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { type SimCall, type SimControl, type SimFault } from "../src/simulators/sim-server.js";
import { startSimulators, type Simulators } from "../src/simulators/index.js";
import { ATTACKS, checkAttack, SOAK_CALL_BUDGET, SOAK_DOCUMENT_CACHE_BYTES, type Attack } from "./soak-attacks.js";
import { SOAK_MUTATIONS, SOAK_READS, type Scenario } from "./scenarios.js";

/*
 * `npm run soak [-- --seconds N]`: the built server (`node build/index.js`, production, live mode)
 * in front of the simulators of every provider module (`PROVIDER_MODULES`), which run in this
 * process so faults can be injected from outside the server. A fixed-rate mix of every read and
 * mutation runs for a bounded time while an upstream fault (500, 503, connection reset, or 429
 * with a long Retry-After) is queued on a random provider at a fixed interval. Every fifth request
 * (`--attack-every`) is one of the request-cost attacks (`soak-attacks.ts`: distinct large
 * documents, long lists, entity fan-out over the call budget); the server runs with
 * `INSPECT_UPSTREAM` so every answer lists the upstream calls it made.
 *
 * Verdict (exit 1 on FAIL): every failed request is explained by an injected fault (right code,
 * right provider, no more failures than faults taken), every attack got its designed answer, no
 * request made more than the call budget to one provider, the server kept up with the rate, stayed
 * healthy, its RSS grew less than the bound between the end of warm-up and the end, and it stops
 * cleanly on SIGTERM.
 */

const HOST = "127.0.0.1";
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    warmup: { type: "string", default: "10" },
    rate: { type: "string", default: "50" },
    "fault-every": { type: "string", default: "2" },
    "rss-growth-mb": { type: "string", default: "50" },
    "attack-every": { type: "string", default: "5" },
    "server-heap-mb": { type: "string", default: "128" },
  },
});
const SECONDS = positive("seconds");
const WARMUP_S = positive("warmup", true);
const RATE = positive("rate");
const FAULT_EVERY_S = positive("fault-every");
const RSS_GROWTH_MB = positive("rss-growth-mb");
// Every Nth request is a request-cost attack (0: none, the plain mix only).
const ATTACK_EVERY = positive("attack-every", true);
// The server's --max-old-space-size (0: V8's default). V8 sizes its heap from the machine's
// memory (GBs) and collects lazily, so uncapped RSS wanders with the garbage of the attacks' 1 MB
// bodies. A cap of ~2.5 times what the server holds live makes RSS show what is retained: a
// server that kept the attacks' documents would run out of heap within seconds.
const SERVER_HEAP_MB = positive("server-heap-mb", true);
// More requests in flight than this means the server is not keeping up with the rate.
const MAX_IN_FLIGHT = Math.max(50, RATE * 4);
const REQUEST_TIMEOUT_MS = 15_000;
// API_TOKENS and INSPECT_UPSTREAM: answers list their upstream calls to this token's holder.
const SOAK_TOKEN = "soak-inspect-token";
const SHUTDOWN_GRACE_MS = 15_000;

function positive(name: keyof typeof args, zeroOk = false): number {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < 0 || (!zeroOk && value === 0)) {
    process.stderr.write(
      `soak: --${name} must be a ${zeroOk ? "non-negative" : "positive"} number\n`,
    );
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------- the operation mix

/**
 * What every request carries besides the token: each provider's credential header with its
 * simulator's demo key (`PROVIDER_MODULES`, filled in by `main` once the simulators run).
 */
let credentials: Record<string, string> = {};

// Every provider's read, `accounts`, every provider's mutation. The provider-specific ones are the
// soak's scenarios (`scenarios.ts`): reads select enough to touch every upstream call a provider
// needs; mutations set values, so repeating them is safe, and alternate so each one really
// changes something.
const MIX: Scenario[] = [
  ...SOAK_READS,
  { name: "accounts", body: () => ({ query: "{ accounts { provider id } }" }) },
  ...SOAK_MUTATIONS,
];

// ---------------------------------------------------------------- faults

interface FaultKind {
  name: string;
  fault: SimFault;
  /** The code a request fails with when this fault is what made it fail. */
  code: string;
}

// Retry-After beyond the server's cap: the server answers RATE_LIMITED at once instead of waiting.
const FAULTS: FaultKind[] = [
  { name: "500", fault: { status: 500 }, code: "UPSTREAM_ERROR" },
  { name: "503", fault: { status: 503 }, code: "UPSTREAM_ERROR" },
  { name: "reset", fault: { kind: "reset" }, code: "UPSTREAM_ERROR" },
  {
    name: "429 Retry-After: 120",
    fault: { status: 429, headers: { "retry-after": "120" } },
    code: "RATE_LIMITED",
  },
];

const tally = () => new Map<string, number>();
const bump = (map: Map<string, number>, key: string, by = 1) =>
  map.set(key, (map.get(key) ?? 0) + by);

/** Faults queued and faults the simulators actually answered with, by `code@PROVIDER`. */
const injected = tally();
const taken = tally();
const takenByKind = tally();

/**
 * Count every fault a simulator answers with. `takeFault` is the simulators' own hook for this;
 * wrapping it here (in the soak's own simulators) tells which faults really hit a call.
 */
function countTakenFaults(provider: ProviderId, control: SimControl): void {
  const original = control.takeFault.bind(control);
  control.takeFault = (call: SimCall) => {
    const fault = original(call);
    if (fault) {
      const kind = FAULTS.find(k => sameFault(k.fault, fault));
      if (kind) {
        bump(taken, `${kind.code}@${provider}`);
        bump(takenByKind, `${kind.name}@${provider} on ${call.method}`);
      }
    }
    return fault;
  };
}

function sameFault(a: SimFault, b: SimFault): boolean {
  return (
    a.kind === b.kind &&
    a.status === b.status &&
    JSON.stringify(a.headers) === JSON.stringify(b.headers)
  );
}

// ---------------------------------------------------------------- the server process

interface ServerProcess {
  proc: ChildProcess;
  url: string;
  /** Last output lines (printed on failure), and warnings such as circuit state changes. */
  tail: string[];
  /** Warning-or-worse lines: how many, and the last one. */
  warnings: number;
  lastWarning?: string;
  /** Set when the process exits before the soak stops it (a crash, or a signal from elsewhere). */
  diedEarly?: string;
}

async function startServer(sims: Simulators): Promise<ServerProcess> {
  const port = await freePort(HOST);
  const entry = SERVER_ENTRY;
  const heap = SERVER_HEAP_MB > 0 ? [`--max-old-space-size=${SERVER_HEAP_MB}`] : [];
  // The deployed V8 flags and environment (`npm start`, the Dockerfile), then the soak's heap cap.
  const proc = spawn(process.execPath, [...NODE_FLAGS, ...heap, entry], {
    env: {
      ...START_ENV,
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PROVIDERS_MODE: "live",
      HOST,
      PORT: String(port),
      // `<ID>_BASE_URL` of every provider: its simulator here.
      ...Object.fromEntries(PROVIDER_MODULES.map(m => [providerVariables(m.id).baseUrl, sims.running[m.id].url])),
      API_TOKENS: SOAK_TOKEN,
      INSPECT_UPSTREAM: "true",
      UPSTREAM_CALL_BUDGET: String(SOAK_CALL_BUDGET),
      DOCUMENT_CACHE_BYTES: String(SOAK_DOCUMENT_CACHE_BYTES),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Production's own log level (info): one line per request, as deployed, and the signal line
  // ("draining ...") if something else stops the server mid-run.
  const server: ServerProcess = { proc, url: `http://${HOST}:${port}`, tail: [], warnings: 0 };
  const spawned = performance.now();
  proc.once("exit", (code, signal) => {
    if (!stopping) {
      const after = ((performance.now() - spawned) / 1000).toFixed(1);
      server.diedEarly = `exited on its own after ${after} s (code ${code}, signal ${signal})`;
    }
  });
  const keep = (line: string) => {
    server.tail.push(line);
    if (server.tail.length > 40) server.tail.shift();
    if (/"level":(40|50|60)/.test(line)) {
      server.warnings += 1;
      server.lastWarning = line;
    }
  };
  createInterface({ input: proc.stdout! }).on("line", keep);
  createInterface({ input: proc.stderr! }).on("line", keep);
  const started = performance.now();
  for (;;) {
    if ((await get(`${server.url}/readyz`).catch(() => undefined))?.status === 200) return server;
    if (proc.exitCode !== null)
      throw new Error(`server exited with code ${proc.exitCode}:\n${server.tail.join("\n")}`);
    if (performance.now() - started > 20_000) throw new Error("server not ready within 20 s");
    await sleep(50);
  }
}

/** True once the soak itself stops the server (an exit before that is a finding). */
let stopping = false;

/** SIGTERM, and whether the process exited by itself within the grace period (SIGKILL after). */
async function stopServer(
  server: ServerProcess,
): Promise<{ clean: boolean; code: number | null; ms: number }> {
  if (server.proc.exitCode !== null) return { clean: false, code: server.proc.exitCode, ms: 0 };
  stopping = true;
  const started = performance.now();
  const exited = new Promise<number | null>(resolve =>
    server.proc.once("exit", code => resolve(code)),
  );
  server.proc.kill("SIGTERM");
  const inTime = await Promise.race([
    exited.then(() => true),
    sleep(SHUTDOWN_GRACE_MS).then(() => false),
  ]);
  const ms = performance.now() - started;
  if (!inTime) server.proc.kill("SIGKILL");
  const code = await exited;
  return { clean: inTime && code === 0, code, ms };
}

// Last resort (uncaught error, Ctrl-C): never leave the server running.
let child: ChildProcess | undefined;
process.on("exit", () => child?.kill("SIGKILL"));
process.once("SIGINT", () => process.exit(130));


function rssMb(pid: number | undefined): number {
  return procMemoryMb(pid, "VmRSS");
}

// ---------------------------------------------------------------- HTTP

// Keep-alive, as a gateway in front of the server would connect. Idle sockets are dropped after
// 4 s, before the server's 5 s keep-alive timeout, so the client does not reuse a closing socket.
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4000 });

/** Requests resent once because a reused keep-alive socket was reset before any answer. */
let keepAliveRetries = 0;

function get(url: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, timeout: 2000 }, res => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

interface Outcome {
  ms: number;
  status: number;
  /** `CODE@PROVIDER` (or `CODE` without a provider) of each error in the answer. */
  errors: string[];
  /** Why there is no usable answer at all (transport error, timeout, unreadable body). */
  broken?: string;
  /** Upstream calls the request made, per provider (`extensions.upstreamCalls`). */
  calls: Partial<Record<ProviderId, number>>;
  /** The attack this request was, if it was one. */
  attack?: Attack;
}

/**
 * POST a GraphQL body. A reset on a reused keep-alive socket is the client/server idle-timeout
 * race Node's documentation describes (the server closed the socket as the request left), not
 * a server failure: such a request is sent once more, and counted.
 */
async function post(url: string, body: string): Promise<Outcome> {
  const first = await postOnce(url, body);
  if (!first.raceReset) return first;
  keepAliveRetries += 1;
  const second = await postOnce(url, body);
  return { ...second, ms: first.ms + second.ms };
}

function postOnce(url: string, body: string): Promise<Outcome & { raceReset?: boolean }> {
  const started = performance.now();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: `Bearer ${SOAK_TOKEN}`,
    ...credentials,
  };
  return new Promise(resolve => {
    const done = (outcome: Omit<Outcome, "ms" | "calls"> & { raceReset?: boolean; calls?: Outcome["calls"] }) =>
      resolve({ calls: {}, ...outcome, ms: performance.now() - started });
    const req = request(
      `${url}/graphql`,
      { method: "POST", headers, agent, timeout: REQUEST_TIMEOUT_MS },
      res => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
              errors?: { extensions?: { code?: string; provider?: string } }[];
              extensions?: { upstreamCalls?: { provider: ProviderId; fromLoader: boolean }[] };
            };
            const calls: Outcome["calls"] = {};
            for (const call of json.extensions?.upstreamCalls ?? []) {
              if (!call.fromLoader) calls[call.provider] = (calls[call.provider] ?? 0) + 1;
            }
            const errors = (json.errors ?? []).map(e => {
              const code = e.extensions?.code ?? "NO_CODE";
              return e.extensions?.provider ? `${code}@${e.extensions.provider}` : code;
            });
            done({ status, errors, calls });
          } catch {
            done({ status, errors: [], broken: `status ${status}, body is not JSON` });
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", (error: NodeJS.ErrnoException) =>
      done({
        status: 0,
        errors: [],
        broken: error.message,
        raceReset: req.reusedSocket && error.code === "ECONNRESET",
      }),
    );
    req.end(body);
  });
}

// ---------------------------------------------------------------- load

interface Phase {
  outcomes: Outcome[];
  /** Requests not sent because too many were already in flight. */
  skipped: number;
}

/** Open-loop load at RATE req/s for `seconds`: request i leaves at i / RATE, whatever came back. */
async function drive(
  url: string,
  seconds: number,
  counter: { i: number },
  onTick?: (elapsedS: number) => void,
): Promise<Phase> {
  const phase: Phase = { outcomes: [], skipped: 0 };
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.round(seconds * RATE);
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    onTick?.((performance.now() - started) / 1000);
    if (pending.size >= MAX_IN_FLIGHT) {
      phase.skipped += 1;
      continue;
    }
    const i = counter.i++;
    const attack =
      ATTACK_EVERY > 0 && i % ATTACK_EVERY === ATTACK_EVERY - 1
        ? ATTACKS[Math.floor(i / ATTACK_EVERY) % ATTACKS.length]
        : undefined;
    const operation = attack ?? MIX[i % MIX.length]!;
    const sent = post(url, JSON.stringify(operation.body(i))).then(outcome => {
      phase.outcomes.push(attack ? { ...outcome, attack } : outcome);
    });
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
  }
  await Promise.all(pending);
  return phase;
}

/**
 * An attack's answer as the failure analysis sees it: designed errors removed, its designed
 * status counted as success; what does not match the design goes to `problems`.
 */
function judged(outcome: Outcome, problems: string[]): Outcome {
  if (!outcome.attack || outcome.broken) return outcome;
  const { problem, rest } = checkAttack(outcome.attack, outcome);
  if (problem) problems.push(problem);
  return { ...outcome, status: problem ? outcome.status : 200, errors: rest };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

// ---------------------------------------------------------------- main

async function main(): Promise<boolean> {
  const sims = await startSimulators(PROVIDER_MODULES);
  credentials = Object.fromEntries(
    PROVIDER_MODULES.map(m => [m.credentialHeader.toLowerCase(), sims.demoKeys[m.id]]),
  );
  const controls: Record<ProviderId, SimControl> = Object.fromEntries(
    PROVIDER_MODULES.map(m => [m.id, sims.running[m.id].control]),
  );
  for (const { id: provider } of PROVIDER_MODULES) countTakenFaults(provider, controls[provider]);
  // The simulators log every call; the soak does not need them, and they would grow its heap.
  const trimCalls = setInterval(
    () => Object.values(controls).forEach(c => (c.calls.length = 0)),
    1000,
  );

  const server = await startServer(sims);
  child = server.proc;
  const pid = server.proc.pid;
  const counter = { i: 0 };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `soak: server pid ${pid} at ${server.url}; ${RATE} req/s, warm-up ${WARMUP_S} s, then ${SECONDS} s with a fault every ${FAULT_EVERY_S} s`,
  );

  const warmup = await drive(server.url, WARMUP_S, counter);
  const attackProblems: string[] = [];
  warmup.outcomes = warmup.outcomes.map(o => judged(o, attackProblems));
  const warmupFailed = warmup.outcomes.filter(
    o => o.broken || o.status !== 200 || o.errors.length > 0,
  ).length;
  const rssStart = rssMb(pid);
  out(
    `soak: warm-up done (${warmup.outcomes.length} requests, ${warmupFailed} failed); RSS ${fmt(rssStart)} MB`,
  );

  // Faults start with the measured phase, so the warm-up tells whether the mix works at all.
  let nextFault = 0;
  const rssSamples: string[] = [];
  let nextSample = 10;
  const measured = await drive(server.url, SECONDS, counter, elapsed => {
    if (elapsed >= nextFault) {
      nextFault += FAULT_EVERY_S;
      const provider = PROVIDER_MODULES[Math.floor(Math.random() * PROVIDER_MODULES.length)]!.id;
      const kind = FAULTS[Math.floor(Math.random() * FAULTS.length)]!;
      controls[provider].failNext({ ...kind.fault, times: 1 });
      bump(injected, `${kind.code}@${provider}`);
    }
    if (elapsed >= nextSample) {
      rssSamples.push(`${nextSample}s ${fmt(rssMb(pid), 0)} MB`);
      nextSample += 10;
    }
  });
  const healthy = (await get(`${server.url}/healthz`).catch(() => ({ status: 0 }))).status === 200;
  const rssEnd = rssMb(pid);
  const shutdown = await stopServer(server);
  clearInterval(trimCalls);
  agent.destroy();
  await sims.close();

  const attacksSent = tally();
  let maxCalls = 0;
  let totalCalls = 0;
  for (const o of [...warmup.outcomes, ...measured.outcomes]) {
    if (o.attack) bump(attacksSent, o.attack.name);
    for (const n of Object.values(o.calls)) {
      maxCalls = Math.max(maxCalls, n ?? 0);
      totalCalls += n ?? 0;
    }
  }
  measured.outcomes = measured.outcomes.map(o => judged(o, attackProblems));

  // Explain failures: each error must be a fault's code at a provider that took such a fault,
  // and no more of them than faults taken there (a fault fails at most one request).
  const failed = measured.outcomes.filter(o => o.broken || o.status !== 200 || o.errors.length > 0);
  // Requests per `CODE@PROVIDER` (a request with two errors of one kind counts once).
  const byCode = tally();
  const unexplained: string[] = [];
  for (const outcome of failed) {
    if (outcome.broken) unexplained.push(`no answer: ${outcome.broken}`);
    else if (outcome.status !== 200)
      unexplained.push(`HTTP ${outcome.status} (${outcome.errors.join(", ")})`);
    for (const error of new Set(outcome.errors)) bump(byCode, error);
  }
  for (const [error, count] of byCode) {
    const allowed = taken.get(error) ?? 0;
    if (count > allowed)
      unexplained.push(`${count} request(s) with ${error}, but ${allowed} such fault(s) taken`);
  }
  const faultCodes = new Set(FAULTS.map(k => k.code));
  const faulted = failed.filter(
    o =>
      !o.broken &&
      o.status === 200 &&
      o.errors.every(e => faultCodes.has(e.split("@")[0]!) && e.includes("@")),
  );

  const latencies = measured.outcomes.map(o => o.ms).sort((a, b) => a - b);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const growth = rssEnd - rssStart;
  const checks: [string, boolean][] = [
    ["the server ran until the soak stopped it", !server.diedEarly],
    // A soak in which no fault reached a provider tested nothing about faults.
    ["injected faults reached the providers", sum(taken) > 0],
    [
      "every failed request is explained by an injected fault",
      [...new Set(unexplained)].length === 0,
    ],
    [
      `the server kept up with ${RATE} req/s (nothing skipped)`,
      measured.skipped === 0 && warmup.skipped === 0,
    ],
    ["warm-up without faults had no failures", warmupFailed === 0],
    [
      "every attack got its designed answer (refused with no call, or served within the budget)",
      attackProblems.length === 0,
    ],
    [
      `no request made more than ${SOAK_CALL_BUDGET} calls to one provider (UPSTREAM_CALL_BUDGET)`,
      maxCalls <= SOAK_CALL_BUDGET,
    ],
    ["/healthz answered 200 at the end", healthy],
    [`RSS growth below ${RSS_GROWTH_MB} MB`, Number.isFinite(growth) && growth < RSS_GROWTH_MB],
    [`clean exit on SIGTERM within ${SHUTDOWN_GRACE_MS / 1000} s`, shutdown.clean],
  ];

  out("");
  out(
    `requests            ${measured.outcomes.length} in ${SECONDS} s (${fmt(measured.outcomes.length / SECONDS)} req/s), skipped ${measured.skipped}`,
  );
  out(`failed requests     ${failed.length}`);
  out(`attacks             ${sum(attacksSent)} (${list(attacksSent)})`);
  out(
    `upstream calls      ${totalCalls} in all; at most ${maxCalls} by one request to one provider (budget ${SOAK_CALL_BUDGET})`,
  );
  out(`errors by code      ${list(byCode)}`);
  out(`faults injected     ${sum(injected)} (${list(injected)})`);
  out(`faults taken        ${sum(taken)} (${list(taken)})`);
  out(`faults taken by     ${list(takenByKind)}`);
  out(`faulted requests    ${faulted.length} (failed with only fault codes from a provider)`);
  out(
    `keep-alive races    ${keepAliveRetries} request(s) resent after a reset on a reused idle socket`,
  );
  out(
    `latency ms          p50 ${fmt(percentile(latencies, 50))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}`,
  );
  out(
    `server RSS MB       start ${fmt(rssStart)} (after warm-up)  end ${fmt(rssEnd)}  growth ${fmt(growth)}  samples: ${rssSamples.join(", ") || "none"}`,
  );
  out(
    `shutdown            ${shutdown.clean ? "clean" : "NOT clean"}: exit code ${shutdown.code} after ${fmt(shutdown.ms, 0)} ms`,
  );
  if (server.warnings > 0) {
    out(`server warnings     ${server.warnings}, last: ${server.lastWarning!.slice(0, 300)}`);
  }
  if (server.diedEarly) out(`server died         ${server.diedEarly}`);
  for (const line of [...new Set(unexplained)].slice(0, 20)) out(`unexplained         ${line}`);
  for (const line of [...new Set(attackProblems)].slice(0, 20)) out(`attack problem      ${line}`);
  out("");
  for (const [label, ok] of checks) out(`${ok ? "PASS" : "FAIL"}  ${label}`);
  const pass = checks.every(([, ok]) => ok);
  out(`\nverdict: ${pass ? "PASS" : "FAIL"}`);
  if (!shutdown.clean) out(`server output (last lines):\n${server.tail.slice(-5).join("\n")}`);
  return pass;
}

main().then(
  pass => process.exit(pass ? 0 : 1),
  error => {
    process.stderr.write(`soak: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
