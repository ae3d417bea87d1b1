import { availableParallelism } from "node:os";
import { goodBody, type Load } from "./closed-loop.js";
import { openLoop, percentiles, type OpenLoopResult, type OpenLoopTarget, type Percentiles } from "./open-loop.js";
import { boxBusySeconds, familyCpuSeconds, procCpuSeconds } from "./process-stats.js";
import { quartiles } from "./quartiles.js";

/*
 * Several servers under the same fixed-rate open loop (`open-loop.ts`), in alternating rounds, with
 * what each round cost: the server's own CPU per answered request (from /proc, so it counts the
 * server process only), the generator's CPU, and how much of the box other processes took
 * meanwhile (a round they kept busy is a round whose tail is not the server's alone).
 */

export interface OpenRound extends OpenLoopResult {
  /** Server process CPU time over the round / answers received, in µs. */
  serverCpuUs: number;
  /** The generator's (this process's) CPU over the round, as a share of one core. */
  generatorShare: number;
  /** CPU taken by processes other than the bench's own, as a share of all cores. */
  othersShare: number;
}

export interface OpenSeries {
  label: string;
  rounds: OpenRound[];
  warmupBad: number;
}

/** A target: what to send where, and the pid whose CPU is the server's. */
export interface OpenTarget {
  label: string;
  load: Load;
  pid: number | undefined;
}

/**
 * Warm up each target with `warmupRequests` at the same rate (not faster: a server pushed past
 * its capacity is left in a worse state, see `src/node-flags.ts`), then `rounds` alternating
 * rounds of `roundS` each, every one after a lead-in of `leadS` at the same rate, on the same
 * schedule and connections, that is not measured: a server resuming after the others' rounds
 * first pays for having idled (V8 shrinks an idle heap, and a mark-compact followed within 1-2 s
 * of the load's return) and for accepting the connections the rate needs (`open-loop.ts`), which
 * is not the latency it adds under a steady load.
 * `familyPids()` lists the bench's running processes (servers, upstream), so that what is left of
 * the box's busy time is other processes'.
 */
export async function compareOpen(
  targets: OpenTarget[],
  options: {
    rate: number;
    connections: number;
    rounds: number;
    roundS: number;
    leadS: number;
    warmupRequests: number;
    familyPids: () => Array<number | undefined>;
  },
): Promise<OpenSeries[]> {
  const loads: OpenLoopTarget[] = targets.map(t => ({
    ...t.load,
    good: (status, body) => status === 200 && goodBody(body),
  }));
  const run = (i: number, seconds: number, leadS = 0, onMeasured?: () => void) =>
    openLoop(loads[i]!, { rate: options.rate, seconds, leadS, onMeasured, connections: options.connections });
  const series: OpenSeries[] = targets.map(t => ({ label: t.label, rounds: [], warmupBad: 0 }));
  const warmupS = options.warmupRequests / options.rate;
  for (const [i] of targets.entries()) series[i]!.warmupBad += (await run(i, warmupS)).bad;
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, t] of targets.entries()) {
      let box0 = 0;
      let family0 = 0;
      let server0 = 0;
      const result = await run(i, options.roundS, options.leadS, () => {
        box0 = boxBusySeconds();
        family0 = familyCpuSeconds(options.familyPids());
        server0 = procCpuSeconds(t.pid);
      });
      series[i]!.warmupBad += result.leadBad;
      const serverS = procCpuSeconds(t.pid) - server0;
      const others = boxBusySeconds() - box0 - (familyCpuSeconds(options.familyPids()) - family0);
      series[i]!.rounds.push({
        ...result,
        serverCpuUs: (serverS * 1e6) / result.completed,
        generatorShare: result.cpuS / result.wallS,
        othersShare: Math.max(0, others) / (result.wallS * availableParallelism()),
      });
    }
  }
  return series;
}

/**
 * A series over all its rounds: percentiles of every sample, CPU per request over every answer,
 * and each round's p99 with their median (one round that fell behind sets the pooled p99 on its
 * own; the median of the rounds' says what the server does in most of them).
 */
export function openSummary(s: OpenSeries): {
  latency: Percentiles;
  roundP99: number[];
  medianRoundP99: number;
  serverCpuUs: number;
  generatorShare: number;
  othersShare: number;
  sendLagP99: number;
  queuedMax: number;
  bad: number;
} {
  const all = new Float64Array(s.rounds.reduce((n, r) => n + r.samples.length, 0));
  let at = 0;
  for (const r of s.rounds) {
    all.set(r.samples, at);
    at += r.samples.length;
  }
  const completed = s.rounds.reduce((n, r) => n + r.completed, 0);
  const serverUs = s.rounds.reduce((n, r) => n + r.serverCpuUs * r.completed, 0);
  const roundP99 = s.rounds.map(r => r.latency.p99);
  return {
    latency: percentiles(all),
    roundP99,
    medianRoundP99: quartiles(roundP99).median,
    serverCpuUs: serverUs / completed,
    generatorShare: Math.max(...s.rounds.map(r => r.generatorShare)),
    othersShare: Math.max(...s.rounds.map(r => r.othersShare)),
    sendLagP99: Math.max(...s.rounds.map(r => r.sendLag.p99)),
    queuedMax: Math.max(...s.rounds.map(r => r.queuedMax)),
    bad: s.warmupBad + s.rounds.reduce((n, r) => n + r.bad, 0),
  };
}
