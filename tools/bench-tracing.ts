import { createServer } from "node:http";
import { type AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { BENCH_READ } from "./scenarios.js";
import { errorsRow, fmt, infoRow, raw } from "./bench-report.js";
import { HOST, readLoad, startServer, startUpstream, stop } from "./bench-processes.js";
import { compareClosed, cpuPerRequestUs, summary, verify } from "./closed-loop.js";

/*
 * The bench's tracing phase: what OpenTelemetry tracing costs. account-graph with tracing off,
 * with tracing on at 100% sampling (OTLP protobuf to a sink), and, with a baseline build, that
 * build: alternating closed-loop rounds at 0 ms upstream, with the server's own CPU per request.
 */

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

export type TracingCost = Awaited<ReturnType<typeof tracingCost>>;

export async function tracingCost(options: { baseline?: string; rounds: number; roundS: number; warmupRequests: number }) {
  const up = await startUpstream(0);
  const sink = await startSpanSink();
  const off = await startServer(up);
  const on = await startServer(up, {
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: "always_on" },
  });
  const base = options.baseline ? await startServer(up, { entry: pathToFileURL(options.baseline).href, name: "baseline" }) : undefined;
  try {
    // Server CPU per request as well as req/s: on a shared box, others' load moves throughput a
    // lot and the CPU a request costs far less. Counted over the measured rounds only.
    const targets = [
      { label: "tracing off", load: readLoad(off.url, up), pid: off.child.proc.pid },
      { label: "tracing 100%", load: readLoad(on.url, up), pid: on.child.proc.pid },
      ...(base ? [{ label: "baseline", load: readLoad(base.url, up), pid: base.child.proc.pid }] : []),
    ];
    for (const t of targets) await verify(t.label, t.load, BENCH_READ.answered);
    const { rounds, roundS, warmupRequests } = options;
    const series = await compareClosed(targets, { connections: 32, rounds, roundS, warmupRequests });
    const cpuUs = series.map(cpuPerRequestUs);
    raw.push(`tracing cost: ${BENCH_READ.label} @0 ms upstream, 32 connections (${sink.exports()} span exports received):`);
    for (const s of series) {
      const rounds = s.rounds.map(r => `${fmt(r.rps, 0)} req/s p99 ${r.p99} (${r.requests} req, ${r.bad} bad)`);
      raw.push(`  ${s.label.padEnd(14)} ${rounds.join(" | ")}`);
    }
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

/** The tracing rows of the table. */
export function tracingRows(p: TracingCost): void {
  infoRow("tracing: req/s off / on at 100%", `${fmt(p.off.rps, 0)} / ${fmt(p.on.rps, 0)} (${fmt(p.on.rps / p.off.rps, 2)}x)`);
  infoRow("tracing: p99 off / on at 100% (ms)", `${fmt(p.off.p99)} / ${fmt(p.on.p99)}`);
  infoRow("tracing: server CPU/request off / on (µs)", `${fmt(p.off.cpuUs, 0)} / ${fmt(p.on.cpuUs, 0)}`);
  if (p.base) {
    infoRow("tracing off / baseline: CPU/request (µs)", `${fmt(p.off.cpuUs, 0)} / ${fmt(p.base.cpuUs, 0)}`);
    infoRow("tracing off / baseline: req/s", `${fmt(p.off.rps, 0)} / ${fmt(p.base.rps, 0)} (${fmt(p.off.rps / p.base.rps, 2)}x)`);
  }
  errorsRow("tracing off / on", p.off.bad + p.on.bad + (p.base?.bad ?? 0), `${p.off.bad} / ${p.on.bad}${p.base ? ` / ${p.base.bad}` : ""}`);
}
