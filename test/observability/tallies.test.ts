import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Counter, Histogram, Registry } from "prom-client";
import { TalliedCounter, TalliedHistogram } from "../../src/observability/tallies.js";

// prom-client's own Counter and Histogram, fed the same updates, are the oracle: the tallies must
// expose exactly what prom-client would have.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OPERATIONS = ["GetAccount", "Accounts", "anonymous"];
const OUTCOMES = ["ok", "UPSTREAM_ERROR", "RATE_LIMITED"];

function pair() {
  const tallied = new Registry();
  const plain = new Registry();
  return {
    tallied,
    plain,
    counters: [
      new TalliedCounter({ name: "t_requests_total", help: "h", labelNames: ["operation", "outcome"], registry: tallied }),
      new Counter({ name: "t_requests_total", help: "h", labelNames: ["operation", "outcome"], registers: [plain] }),
    ] as const,
    histograms: [
      new TalliedHistogram({ name: "t_duration_seconds", help: "h", labelNames: ["operation"], buckets: BUCKETS, registry: tallied }),
      new Histogram({ name: "t_duration_seconds", help: "h", labelNames: ["operation"], buckets: BUCKETS, registers: [plain] }),
    ] as const,
  };
}

describe("tallied metrics", () => {
  it("expose what prom-client's own counter and histogram expose for the same updates", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            operation: fc.constantFrom(...OPERATIONS),
            outcome: fc.constantFrom(...OUTCOMES),
            by: fc.integer({ min: 1, max: 5 }),
            // Bounds exactly, between them and past the last one.
            seconds: fc.oneof(fc.constantFrom(...BUCKETS, 0, 11), fc.double({ min: 0, max: 20, noNaN: true })),
          }),
          { maxLength: 60 },
        ),
        async updates => {
          const { tallied, plain, counters, histograms } = pair();
          for (const { operation, outcome, by, seconds } of updates) {
            for (const counter of counters) counter.inc({ operation, outcome }, by);
            for (const histogram of histograms) histogram.observe({ operation }, seconds);
          }
          expect(await tallied.metrics()).toBe(await plain.metrics());
        },
      ),
      { numRuns: 200, seed: 20261206 },
    );
  });

  it("keep counting across scrapes, and start again from zero when the registry is reset", async () => {
    const { tallied, counters, histograms } = pair();
    const [counter] = counters;
    const [histogram] = histograms;
    counter.inc({ operation: "GetAccount", outcome: "ok" });
    histogram.observe({ operation: "GetAccount" }, 0.02);
    await tallied.metrics();
    counter.inc({ operation: "GetAccount", outcome: "ok" }, 2);
    histogram.observe({ operation: "GetAccount" }, 0.2);
    const text = await tallied.metrics();
    expect(text).toContain('t_requests_total{operation="GetAccount",outcome="ok"} 3');
    expect(text).toContain('t_duration_seconds_count{operation="GetAccount"} 2');
    expect(text).toContain('t_duration_seconds_bucket{le="0.025",operation="GetAccount"} 1');
    expect(text).toContain('t_duration_seconds_sum{operation="GetAccount"} 0.22');

    tallied.resetMetrics();
    const after = await tallied.metrics();
    expect(after).not.toContain("GetAccount");
  });

  it("ignore a duration that is not a finite number rather than throw on the request path", async () => {
    const { tallied, histograms } = pair();
    const [histogram] = histograms;
    histogram.observe({ operation: "GetAccount" }, Number.NaN);
    histogram.observe({ operation: "GetAccount" }, Number.POSITIVE_INFINITY);
    histogram.observe({ operation: "GetAccount" }, 0.001);
    expect(await tallied.metrics()).toContain('t_duration_seconds_count{operation="GetAccount"} 1');
  });
});
