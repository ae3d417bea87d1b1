import { BENCH_READ } from "./scenarios.js";
import { errorsRow, fmt, infoRow, raw, targetRow } from "./bench-report.js";
import { readLoad, startProxy, startServer, startUpstream, stop } from "./bench-processes.js";
import { compareClosed, summary, verify } from "./closed-loop.js";

/*
 * The bench's read-cache phase: the same read repeated by one caller, against account-graph with
 * the read cache on (READ_CACHE_TTL_SECONDS=60, in memory) and against the bare proxy, which calls
 * the provider every time. Closed loop at a provider latency where a call costs something
 * (BENCH_CACHE_LATENCY_MS, default 20 ms); alternating rounds. Also how many provider calls
 * account-graph made per 1,000 reads, from its own /metrics.
 */

const LATENCY_MS = Number(process.env.BENCH_CACHE_LATENCY_MS ?? 20);
const CONNECTIONS = 32;
const TARGET_RATIO = 1.5;

/** Requests answered and provider calls made so far, from a server's /metrics. */
async function counts(graphqlUrl: string): Promise<{ requests: number; calls: number }> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"))).text();
  const total = (name: string) =>
    text
      .split("\n")
      .filter(line => line.startsWith(`${name}{`))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
  return { requests: total("account_graph_requests_total"), calls: total("account_graph_upstream_calls_total") };
}

export type CacheGain = Awaited<ReturnType<typeof readCacheGain>>;

export async function readCacheGain(options: { rounds: number; roundS: number; warmupRequests: number }) {
  const up = await startUpstream(LATENCY_MS);
  const cached = await startServer(up, { env: { READ_CACHE_TTL_SECONDS: "60" }, name: "account-graph-read-cache" });
  const proxy = await startProxy(up);
  try {
    const targets = [
      { label: "cache on", load: readLoad(cached.url, up) },
      { label: "bare proxy", load: readLoad(proxy.url, up) },
    ];
    const before = await counts(cached.url);
    for (const t of targets) await verify(t.label, t.load, BENCH_READ.answered);
    const series = await compareClosed(targets, { connections: CONNECTIONS, rounds: options.rounds, roundS: options.roundS, warmupRequests: options.warmupRequests });
    const after = await counts(cached.url);
    raw.push(`read cache: ${BENCH_READ.label} @${LATENCY_MS} ms upstream, closed loop, ${CONNECTIONS} connections, one caller:`);
    for (const s of series) {
      const rounds = s.rounds.map(r => `${fmt(r.rps, 0)} req/s p50 ${r.p50} p99 ${r.p99} (${r.requests} req, ${r.bad} bad)`);
      raw.push(`  ${s.label.padEnd(14)} ${rounds.join(" | ")}`);
    }
    const reads = after.requests - before.requests;
    raw.push(`  account-graph with the cache: ${after.calls - before.calls} provider calls for ${reads} reads`);
    return {
      on: summary(series[0]!),
      proxy: summary(series[1]!),
      callsPerThousand: reads > 0 ? ((after.calls - before.calls) * 1000) / reads : NaN,
    };
  } finally {
    await Promise.all([stop(cached.child), stop(proxy.child), stop(up.child)]);
  }
}

/** The read-cache rows of the table. */
export function cacheRows(p: CacheGain): void {
  infoRow(`read cache @${LATENCY_MS}ms: req/s cache on / bare proxy`, `${fmt(p.on.rps, 0)} / ${fmt(p.proxy.rps, 0)}`);
  targetRow("read cache: req/s cache on / bare proxy", `>= ${TARGET_RATIO.toFixed(2)}`, p.on.rps / p.proxy.rps, v => v >= TARGET_RATIO);
  infoRow("read cache: p99 cache on / bare proxy (ms)", `${fmt(p.on.p99)} / ${fmt(p.proxy.p99)}`);
  infoRow("read cache: provider calls per 1,000 reads (one caller, TTL 60 s)", fmt(p.callsPerThousand, 2));
  errorsRow("read cache on / bare proxy", p.on.bad + p.proxy.bad, `${p.on.bad} / ${p.proxy.bad}`);
}
