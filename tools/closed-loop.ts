import { request } from "node:http";
import autocannon from "autocannon";
import { procCpuSeconds } from "./process-stats.js";
import { medianInterval, quartiles } from "./quartiles.js";

/*
 * Closed-loop load for `npm run bench` (autocannon: `connections` clients, each sending its next
 * request as soon as the previous answer is in), which measures throughput: how many requests a
 * server completes per second when it is never idle. Latency under a fixed load is the open loop's
 * job (`open-loop.ts`). Also the check every target passes before it is measured.
 */

/** One kind of request to one server. */
export interface Load {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Round {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** non-2xx + connection errors/timeouts + bodies with GraphQL errors or no data. */
  bad: number;
  /** The server's CPU time over the round (user + system, s), when its pid was given. */
  cpuS?: number;
}

/** A target's rounds, in the order they ran. */
export interface Series {
  label: string;
  rounds: Round[];
  /** Bad responses in warm-up runs (not in `rounds`). */
  warmupBad: number;
}

/** Cheap per-response check (string ops only; JSON.parse here would steal CPU from the servers). */
export const goodBody = (body: unknown) =>
  typeof body === "string" && body.startsWith('{"data":') && !body.includes('"errors"');

/** `connections` clients in a closed loop for `seconds`. */
export async function cannon(load: Load, connections: number, seconds: number): Promise<Round> {
  const r = await autocannon({ ...load, method: "POST", connections, duration: seconds, verifyBody: goodBody });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.mismatches,
  };
}

/**
 * Warm-up: `requests` requests over `connections` clients, as fast as the server answers; returns
 * how many were bad. (The bench counts warm-ups in requests, not seconds: `bench.ts` says why.)
 */
export async function warmUp(load: Load, connections: number, requests: number): Promise<number> {
  const r = await autocannon({ ...load, method: "POST", connections, amount: requests, verifyBody: goodBody });
  return r.non2xx + r.errors + r.mismatches;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Means over a series' rounds, and every bad answer including the warm-up's. */
export const summary = (s: Series) => ({
  rps: mean(s.rounds.map(r => r.rps)),
  p50: mean(s.rounds.map(r => r.p50)),
  p99: mean(s.rounds.map(r => r.p99)),
  bad: s.warmupBad + s.rounds.reduce((a, r) => a + r.bad, 0),
});

/**
 * Warm up each target, then alternate rounds (A B C A B C ...) so drift (thermal, GC, neighbours)
 * hits every target alike. A target with a `pid` has its server's CPU time taken over each round.
 */
export async function compareClosed(
  targets: Array<{ label: string; load: Load; pid?: number }>,
  options: { connections: number; rounds: number; roundS: number; warmupRequests: number },
): Promise<Series[]> {
  const series = targets.map(t => ({ label: t.label, rounds: [] as Round[], warmupBad: 0 }));
  for (const [i, t] of targets.entries()) series[i]!.warmupBad += await warmUp(t.load, options.connections, options.warmupRequests);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const before = t.pid === undefined ? 0 : procCpuSeconds(t.pid);
      const measured = await cannon(t.load, options.connections, options.roundS);
      if (t.pid !== undefined) measured.cpuS = procCpuSeconds(t.pid) - before;
      series[i]!.rounds.push(measured);
    }
  }
  return series;
}

/**
 * Short rounds in pairs, for a ratio that the box's own changes of speed move as little as they
 * can: each pair runs every target once, back to back, in an order reversed from one pair to the
 * next (so no target always runs first or always follows another), and a ratio is taken within
 * each pair. On this box one server's CPU per request moved between 145 and 325 µs from one 1 s
 * round to the next; a mean over a few rounds of 5 s carries that, a median over many pairs much
 * less. Returns each target's req/s by pair (answers over the round's own length) and its bad
 * answers. Run after a warm-up (`compareClosed` does one).
 */
export async function pairedRounds(
  targets: Array<{ label: string; load: Load }>,
  options: { connections: number; pairs: number; roundS: number },
): Promise<Map<string, { rps: number[]; bad: number }>> {
  const byLabel = new Map(targets.map(t => [t.label, { rps: [] as number[], bad: 0 }]));
  for (let pair = 0; pair < options.pairs; pair++) {
    const order = pair % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const r = await autocannon({ ...t.load, method: "POST", connections: options.connections, duration: options.roundS, verifyBody: goodBody });
      const entry = byLabel.get(t.label)!;
      entry.rps.push(r.requests.total / r.duration);
      entry.bad += r.non2xx + r.errors + r.mismatches;
    }
  }
  return byLabel;
}

/**
 * Median and quartiles of the ratios `a[i] / b[i]` (pairs from {@link pairedRounds}), and the 95 %
 * confidence interval of that median ({@link medianInterval}).
 */
export function pairedRatio(
  a: readonly number[],
  b: readonly number[],
): { median: number; q1: number; q3: number; low: number; high: number } {
  const ratios = a.map((x, i) => x / b[i]!);
  return { ...quartiles(ratios), ...medianInterval(ratios) };
}

/** The server's CPU time per request over the series' rounds that measured it, in µs (NaN if none did). */
export function cpuPerRequestUs(s: Series): number {
  const measured = s.rounds.filter(r => r.cpuS !== undefined);
  const requests = measured.reduce((a, r) => a + r.requests, 0);
  return requests === 0 ? Number.NaN : (measured.reduce((a, r) => a + r.cpuS!, 0) * 1e6) / requests;
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
export async function verify(label: string, load: Load, check: (data: any) => boolean): Promise<void> {
  const { status, json } = await postJson(load.url, load.headers, load.body);
  if (status !== 200 || json.errors || !json.data || !check(json.data)) {
    throw new Error(`${label}: unexpected answer (status ${status}): ${JSON.stringify(json).slice(0, 500)}`);
  }
}
