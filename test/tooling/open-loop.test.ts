import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { openLoop, parseResponse, percentiles } from "../../tools/open-loop.js";

// The bench's open-loop generator (tools/open-loop.ts): its HTTP response reader, its percentiles,
// and one short run against a local server. Nothing here is timed: the bench measures, tests don't.

const head = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n\r\n`);

describe("parseResponse", () => {
  it("reads a Content-Length body, and waits while any of it is missing", () => {
    const whole = Buffer.concat([head(["HTTP/1.1 200 OK", "Content-Length: 11"]), Buffer.from('{"data":{}}')]);
    expect(parseResponse(whole)).toEqual({ status: 200, body: '{"data":{}}', keepAlive: true });
    expect(parseResponse(whole.subarray(0, whole.length - 1))).toBeUndefined();
    expect(parseResponse(whole.subarray(0, 20))).toBeUndefined();
  });

  it("reads a chunked body across chunks, multi-byte characters included", () => {
    const body = Buffer.from("é🏊");
    const chunked = Buffer.concat([
      head(["HTTP/1.1 503 Service Unavailable", "transfer-encoding: chunked", "Connection: close"]),
      Buffer.from(`3\r\n`),
      body.subarray(0, 3),
      Buffer.from(`\r\n${(body.length - 3).toString(16)}\r\n`),
      body.subarray(3),
      Buffer.from("\r\n0\r\n\r\n"),
    ]);
    expect(parseResponse(chunked)).toEqual({ status: 503, body: "é🏊", keepAlive: false });
    expect(parseResponse(chunked.subarray(0, chunked.length - 2))).toBeUndefined();
  });

  it("calls a response with neither length nor chunks, or a bad chunk size, malformed", () => {
    expect(parseResponse(head(["HTTP/1.1 200 OK"]))).toBe("malformed");
    expect(parseResponse(Buffer.concat([head(["HTTP/1.1 200 OK", "Transfer-Encoding: chunked"]), Buffer.from("zz\r\n")]))).toBe(
      "malformed",
    );
    expect(parseResponse(head(["HTTP/1.1 204 No Content"]))).toEqual({ status: 204, body: "", keepAlive: true });
  });
});

describe("percentiles", () => {
  it("takes nearest-rank percentiles of unsorted values", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(percentiles(values)).toEqual({ p50: 500, p90: 900, p99: 990, p999: 999, max: 1000 });
  });
});

describe("openLoop against a local server", () => {
  let server: Server;
  let url = "";
  let received = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        received += 1;
        // Every 10th answer is an error; every 3rd is chunked (two writes); the rest have a length.
        const status = received % 10 === 0 ? 500 : 200;
        res.statusCode = status;
        if (received % 3 === 0) {
          res.write('{"data":');
          res.end(`{"n":${received}}}`);
        } else {
          res.end(`{"data":{"n":${received}}}`);
        }
      });
    });
    await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  it("sends rate × seconds requests, answers every one, and counts the bad ones", async () => {
    const result = await openLoop(
      { url, headers: { "content-type": "application/json" }, body: "{}", good: (status, body) => status === 200 && body.startsWith('{"data":') },
      { rate: 200, seconds: 0.25, connections: 4 },
    );
    expect(result.due).toBe(50);
    expect(received).toBe(50);
    expect(result.completed).toBe(50);
    expect(result.bad).toBe(5);
    expect(result.samples).toHaveLength(50);
    expect(result.opened).toBeGreaterThanOrEqual(1);
    expect(result.opened).toBeLessThanOrEqual(4);
    for (const latency of result.samples) expect(latency).toBeGreaterThanOrEqual(0);
  });

  it("runs a lead-in on the same schedule and connections, and measures only what follows it", async () => {
    let connections = 0;
    server.on("connection", () => (connections += 1));
    received = 0;
    let measuredFrom = -1;
    const result = await openLoop(
      { url, headers: { "content-type": "application/json" }, body: "{}", good: status => status === 200 },
      { rate: 200, seconds: 0.25, leadS: 0.1, connections: 1, onMeasured: () => (measuredFrom = received) },
    );
    // 20 lead-in requests, then 50 measured; every 10th answer is a 500 (2 in the lead-in, 5 after).
    expect(received).toBe(70);
    expect(measuredFrom).toBeGreaterThanOrEqual(0);
    expect(measuredFrom).toBeLessThanOrEqual(20);
    expect(result.due).toBe(50);
    expect(result.completed).toBe(50);
    expect(result.samples).toHaveLength(50);
    expect(result.leadBad).toBe(2);
    expect(result.bad).toBe(5);
    // One connection for both parts: the measured part opened none of its own.
    expect(connections).toBe(1);
    expect(result.opened).toBe(0);
  });
});
