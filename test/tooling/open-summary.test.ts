import { describe, expect, it } from "@jest/globals";
import { openSummary, type OpenRound } from "../../tools/open-loop-rounds.js";
import { percentiles } from "../../tools/open-loop.js";

// How the bench sums an open-loop series (tools/open-loop-rounds.ts): the pooled percentiles of
// every sample, and the median of the rounds' p99 that the half-capacity target compares.

function round(latencies: number[]): OpenRound {
  const answers = latencies.length;
  return {
    rate: 100,
    due: answers,
    completed: answers,
    bad: 0,
    wallS: 1,
    latency: percentiles(Float64Array.from(latencies)),
    samples: Float64Array.from(latencies),
    sendLag: percentiles(new Float64Array(0)),
    queuedMax: 0,
    opened: 0,
    cpuS: 0,
    leadBad: 0,
    serverCpuUs: 100,
    generatorShare: 0.1,
    othersShare: 0,
  };
}

// 100 answers each: the p99 of a round is its 99th value.
const steady = (p99: number) => round([...Array.from({ length: 98 }, () => 20), p99, p99]);
// A round that fell behind: a tenth of its answers late.
const behind = (late: number) => round([...Array.from({ length: 90 }, () => 20), ...Array.from({ length: 10 }, () => late)]);

describe("openSummary", () => {
  it("takes the median of the rounds' p99, which one round that fell behind does not decide", () => {
    const summary = openSummary({ label: "x", warmupBad: 0, rounds: [steady(25), behind(150), steady(27)] });
    expect(summary.roundP99).toEqual([25, 150, 27]);
    expect(summary.medianRoundP99).toBe(27);
    // Pooled over every sample, the slow round's ten 150s are more than the top 1 % of 300.
    expect(summary.latency.p99).toBe(150);
  });

  it("keeps the pool's worst shortfall and every bad answer", () => {
    const slow = { ...steady(40), queuedMax: 12, bad: 2 };
    const summary = openSummary({ label: "x", warmupBad: 1, rounds: [steady(25), slow] });
    expect(summary.queuedMax).toBe(12);
    expect(summary.bad).toBe(3);
    expect(summary.medianRoundP99).toBe(32.5);
  });
});
