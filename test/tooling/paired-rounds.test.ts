import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { pairedRatio, pairedRounds } from "../../tools/closed-loop.js";

// The bench's paired short rounds (tools/closed-loop.ts): the ratio's median and quartiles, and
// the order the rounds run in against two local servers. Nothing here is timed.

describe("pairedRatio", () => {
  it("takes the median and quartiles of the ratios within each pair", () => {
    // Ratios 0.5, 1, 1.5, 2, 4: the 4 is an outlier that the median does not follow.
    expect(pairedRatio([1, 2, 3, 4, 8], [2, 2, 2, 2, 2])).toEqual({ median: 1.5, q1: 1, q3: 2 });
    // Pairs are matched by index, not sorted apart: [10, 1] / [5, 1] is 2 and 1.
    expect(pairedRatio([10, 1], [5, 1])).toEqual({ median: 1.5, q1: 1.25, q3: 1.75 });
  });

  it("is not a number without pairs", () => {
    expect(pairedRatio([], []).median).toBeNaN();
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
