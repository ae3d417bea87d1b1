import { Provider } from "../src/providers/provider.js";
import { startSimulators, DEFAULT_DEMO_KEYS } from "../src/simulators/index.js";

/**
 * Benchmark upstream: all four provider simulators in their own process, so that the upstream's
 * CPU is not charged to the server under test. Latency (ms, added to every answer) comes from
 * argv[2] or BENCH_UPSTREAM_LATENCY_MS. Prints one JSON line `{"urls": {...}, "keys": {...}}`
 * (both keyed by provider) and runs until SIGTERM/SIGINT.
 */
const latencyMs = Number(process.argv[2] ?? process.env.BENCH_UPSTREAM_LATENCY_MS ?? 0);
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  process.stderr.write(`bench-upstream: bad latency "${process.argv[2] ?? process.env.BENCH_UPSTREAM_LATENCY_MS}"\n`);
  process.exit(2);
}

const sims = await startSimulators();
const all = [sims.diffio, sims.hostup, sims.cudo, sims.depicta];
for (const sim of all) sim.control.latencyMs = latencyMs;

// Simulators keep every request for test assertions; under load that log grows by hundreds of
// thousands of entries, so drop it regularly (not via reset(), which would also zero latency).
setInterval(() => {
  for (const sim of all) sim.control.calls.length = 0;
}, 1000).unref();

const urls: Record<Provider, string> = {
  [Provider.DIFFIO]: sims.diffio.url,
  [Provider.HOSTUP]: sims.hostup.url,
  [Provider.CUDO]: sims.cudo.url,
  [Provider.DEPICTA]: sims.depicta.url,
};
process.stdout.write(`${JSON.stringify({ urls, keys: DEFAULT_DEMO_KEYS })}\n`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void sims.close().finally(() => process.exit(0));
  });
}
// The driver may die without signalling (kill -9): stdin closing means it is gone, so stop too.
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
