import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pairedRatio, pairedRounds } from "../../tools/closed-loop.js";
import { medianInterval } from "../../tools/quartiles.js";

// The bench's paired short rounds (tools/closed-loop.ts): the ratio's median and quartiles, and
// the order the rounds run in against two local servers. Nothing here is timed.

describe("pairedRatio", () => {
  it("takes the median and quartiles of the ratios within each pair", () => {
    // Ratios 0.5, 1, 1.5, 2, 4: the 4 is an outlier that the median does not follow.
    expect(pairedRatio([1, 2, 3, 4, 8], [2, 2, 2, 2, 2])).toMatchObject({ median: 1.5, q1: 1, q3: 2 });
    // Pairs are matched by index, not sorted apart: [10, 1] / [5, 1] is 2 and 1.
    expect(pairedRatio([10, 1], [5, 1])).toMatchObject({ median: 1.5, q1: 1.25, q3: 1.75 });
  });

  it("gives the median's 95 % interval from the ratios, not from either side's req/s", () => {
    // Twenty pairs: ratios 0.81, 0.82, ..., 1.00 in shuffled order; the interval is the 6th to
    // the 15th smallest ratio.
    const b = Array.from({ length: 20 }, () => 100);
    const a = [9, 3, 17, 0, 12, 6, 19, 1, 14, 8, 4, 16, 11, 2, 18, 7, 13, 5, 10, 15].map(i => 81 + i);
    const { low, high } = pairedRatio(a, b);
    expect(low).toBeCloseTo(0.86, 10);
    expect(high).toBeCloseTo(0.95, 10);
  });

  it("is not a number without pairs", () => {
    expect(pairedRatio([], []).median).toBeNaN();
  });
});

describe("medianInterval", () => {
  const ranks = (n: number) => Array.from({ length: n }, (_, i) => n - i);

  it("spans the order statistics a Binomial(n, 1/2) count covers with 95 %", () => {
    // P(count <= 5) = 0.0207 for n = 20, P(count <= 6) = 0.0577: the 6th to the 15th.
    expect(medianInterval(ranks(20))).toEqual({ low: 6, high: 15 });
    // P(count <= 13) = 0.0192 for n = 40, P(count <= 14) = 0.0403.
    expect(medianInterval(ranks(40))).toEqual({ low: 14, high: 27 });
    // P(count <= 39) = 0.0176 for n = 100, P(count <= 40) = 0.0284.
    expect(medianInterval(ranks(100))).toEqual({ low: 40, high: 61 });
  });

  it("widens to the extremes at six values and has none below", () => {
    // 2 / 2^6 = 3.1 % outside [min, max]; with five values it is 6.25 %, over the 5 % allowed.
    expect(medianInterval(ranks(6))).toEqual({ low: 1, high: 6 });
    expect(medianInterval(ranks(5))).toEqual({ low: Number.NaN, high: Number.NaN });
    expect(medianInterval([])).toEqual({ low: Number.NaN, high: Number.NaN });
  });

  it("narrows at a lower confidence", () => {
    // P(count <= 7) = 0.132 for n = 20 and P(count <= 8) = 0.252: at 50 %, the 8th to the 13th.
    expect(medianInterval(ranks(20), 0.5)).toEqual({ low: 8, high: 13 });
  });
});

describe("pairedRounds against two local servers", () => {
  const servers: Server[] = [];
  const urls: string[] = [];
  // Which server each request reached, in order: shows the order of the rounds.
  const hits: string[] = [];
  beforeAll(async () => {
    for (const [name, status] of [["a", 200], ["b", 500]] as const) {
      const server = createServer((req, res) => {
        req.resume();
        req.on("end", () => {
          hits.push(name);
          res.writeHead(status, { "content-type": "application/json" });
          res.end(status === 200 ? '{"data":{"ok":true}}' : '{"errors":[{"message":"no"}]}');
        });
      });
      await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map(s => new Promise(resolve => s.close(resolve))));
  });

  it("runs every target once per pair, in an order reversed from pair to pair, counting bad answers", async () => {
    const load = (url: string) => ({ url, headers: { "content-type": "application/json" }, body: "{}" });
    const result = await pairedRounds(
      [
        { label: "a", load: load(urls[0]!) },
        { label: "b", load: load(urls[1]!) },
      ],
      { connections: 2, pairs: 2, roundS: 0.2 },
    );
    expect(result.get("a")!.rps).toHaveLength(2);
    expect(result.get("b")!.rps).toHaveLength(2);
    expect(result.get("a")!.rps.every(r => r > 0)).toBe(true);
    expect(result.get("a")!.bad).toBe(0);
    expect(result.get("b")!.bad).toBeGreaterThan(0);
    // Runs of the same server, collapsed: a b | b a (in one order throughout: a b a b).
    const runs = hits.filter((name, i) => name !== hits[i - 1]);
    expect(runs).toEqual(["a", "b", "a"]);
  });
});
