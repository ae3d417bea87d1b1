import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sample } from "../helpers/metrics.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";

// A soak of the in-memory read cache: the built server, many distinct credentials each reading
// many distinct resources (Cudo billing accounts of 48 KB each, from a loopback stand-in that
// answers any key as Cudo documents), sixteen times READ_CACHE_BYTES of answers in all. What the
// cache holds stays within READ_CACHE_BYTES, and the process within its idle heap plus that plus
// a small overhead: V8's old space is capped there (an idle server holds about 25 MB), so a cache
// that kept what went through it would run the process out of heap long before the end.
const CACHE_BYTES = 8 * 1024 * 1024;
const OLD_SPACE_MB = 64;
const BODY_PADDING = 48 * 1024;
const REQUESTS = 360;
const PER_REQUEST = 10;
const PARALLEL = 4;

let cudo: Server;
let built: BuiltServer;
let url: string;
let cudoCalls = 0;

beforeAll(async () => {
  const padding = "x".repeat(BODY_PADDING);
  cudo = createServer((req, res) => {
    cudoCalls += 1;
    const id = decodeURIComponent(/^\/v1\/billing-accounts\/([^/?]+)/.exec(req.url ?? "")?.[1] ?? "");
    if (!id || !/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: 5, message: "not found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id, displayName: `Soak ${id}`, state: "STATE_ACTIVE", notes: padding }));
  });
  await new Promise<void>(resolve => cudo.listen(0, "127.0.0.1", resolve));
  const cudoUrl = `http://127.0.0.1:${(cudo.address() as AddressInfo).port}`;
  built = startBuilt({
    NODE_ENV: "development",
    PROVIDERS_MODE: "live",
    // The ready line is at info; the request lines go to a pipe this test reads.
    LOG_LEVEL: "info",
    NODE_OPTIONS: `--max-old-space-size=${OLD_SPACE_MB}`,
    CUDO_BASE_URL: cudoUrl,
    READ_CACHE_TTL_SECONDS: "3600",
    READ_CACHE_BYTES: String(CACHE_BYTES),
  });
  url = await built.ready();
}, 120_000);

afterAll(async () => {
  // A process that ended (out of heap: a signal) has no exit left to wait for.
  if (built && built.child.exitCode === null && built.child.signalCode === null) {
    const exited = once(built.child, "exit");
    built.child.kill("SIGTERM");
    await exited;
  }
  cudo?.close();
});

/** The server's resident memory now, in bytes (Linux /proc). */
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${built.child.pid}/status`, "utf8"))![1]) * 1024;

async function readMany(request: number): Promise<void> {
  const fields = Array.from({ length: PER_REQUEST }, (_, j) => `a${j}: account(provider: CUDO, id: "ba-${request}-${j}") { id }`);
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-cudo-api-key": `cudo_soak_key_${request % 97}_${request}` },
    body: JSON.stringify({ query: `{ ${fields.join(" ")} }` }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, { id: string }> };
  expect(body.errors).toBeUndefined();
  expect(Object.keys(body.data ?? {})).toHaveLength(PER_REQUEST);
}

describe("the in-memory read cache under many credentials and resources", () => {
  it("holds at most READ_CACHE_BYTES, evicting the least recently used, and the process stays within it plus overhead", async () => {
    // Warm: the code paths run and the pools are open before the baseline is taken.
    for (let i = 0; i < 20; i++) await readMany(-1 - i);
    const baseline = rss();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < REQUESTS) await readMany(next++);
      }),
    );
    // Every read was a distinct resource: each went to the provider once.
    expect(cudoCalls).toBe((REQUESTS + 20) * PER_REQUEST);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const held = sample(metrics, "account_graph_read_cache_bytes")!;
    expect(held).toBeGreaterThan(CACHE_BYTES / 2);
    expect(held).toBeLessThanOrEqual(CACHE_BYTES);
    expect(sample(metrics, "account_graph_read_cache_evictions_total")).toBeGreaterThan(REQUESTS);
    // Sixteen times the bound went through the cache; an unbounded one would have grown by that.
    const through = REQUESTS * PER_REQUEST * BODY_PADDING;
    expect(through).toBeGreaterThan(16 * CACHE_BYTES);
    // Alive, and its resident memory grew by no more than the cache's bound and the heap's room.
    expect(built.child.exitCode).toBeNull();
    const grownMb = (rss() - baseline) / 2 ** 20;
    expect(grownMb).toBeLessThan(OLD_SPACE_MB);
    // The most recent answers are still served from the cache.
    const before = cudoCalls;
    await readMany(REQUESTS - 1);
    expect(cudoCalls).toBe(before);
  }, 300_000);
});
