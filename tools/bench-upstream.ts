import "reflect-metadata";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { startSimulators } from "../src/simulators/index.js";

/**
 * Benchmark upstream: the simulator of every provider module (`PROVIDER_MODULES`), in their own
 * process, so that the upstream's CPU is not charged to the server under test. Latency (ms, added
 * to every answer) comes from argv[2] or BENCH_UPSTREAM_LATENCY_MS. Prints one JSON line
 * `{"urls": {...}, "keys": {...}}` (both keyed by provider id; keys are the simulators' demo keys)
 * and runs until SIGTERM/SIGINT.
 */
const latencyMs = Number(process.argv[2] ?? process.env.BENCH_UPSTREAM_LATENCY_MS ?? 0);
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write(`bench-upstream: bad latency "${process.argv[2] ?? process.env.BENCH_UPSTREAM_LATENCY_MS}"\n`);
  process.exit(2);
}

const sims = await startSimulators(PROVIDER_MODULES);
const all = PROVIDER_MODULES.map(m => sims.running[m.id]);
for (const sim of all) sim.control.latencyMs = latencyMs;

// Simulators keep every request for test assertions; under load that log grows by hundreds of
// thousands of entries, so drop it regularly (not via reset(), which would also zero latency).
setInterval(() => {
  for (const sim of all) sim.control.calls.length = 0;
}, 1000).unref();

const urls = Object.fromEntries(PROVIDER_MODULES.map(m => [m.id, sims.running[m.id].url]));
const keys = Object.fromEntries(PROVIDER_MODULES.map(m => [m.id, sims.demoKeys[m.id]]));
process.stdout.write(`${JSON.stringify({ urls, keys })}\n`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void sims.close().finally(() => process.exit(0));
  });
}
// The driver may die without signalling (kill -9): stdin closing means it is gone, so stop too.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
