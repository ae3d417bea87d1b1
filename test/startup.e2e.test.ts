import { createServer, type Server } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startBuilt, type BuiltServer } from "./helpers/process.js";
import { startRedis, type TestRedis } from "./helpers/redis.js";
import { until } from "./helpers/until.js";

// Start-up and shutdown as an operator sees them: the lines the built process writes, its exit codes.
const running: BuiltServer[] = [];
function start(env: Record<string, string>): BuiltServer {
  const server = startBuilt(env);
  running.push(server);
  return server;
}
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill("SIGKILL");
});

/** Exactly one non-empty line on stderr, and nothing that looks like a stack trace. */
function oneLine(text: string): string {
  const lines = text.split("\n").filter(line => line.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe("start-up", () => {
  it("refuses an unknown NODE_ENV instead of running development mode", async () => {
    const server = start({ NODE_ENV: "prod" });
    expect(await server.exited()).toBe(1);
    expect(server.err()).toContain('NODE_ENV must be one of development, production, test (got "prod")');
    expect(server.out()).not.toContain("ready at");
  });

  it("says which mode it chose in the ready line", async () => {
    const server = start({});
    await server.ready();
    expect(server.out()).toMatch(/ready at .*PROVIDERS_MODE=simulated\), development mode \(NODE_ENV\)/);
  });

  it("warns in one line that /graphql and /metrics are open in production without API_TOKENS", async () => {
    const open = start({ NODE_ENV: "production", PROVIDERS_MODE: "live" });
    await open.ready();
    const warnings = open.lines().filter(line => line.level === 40);
    expect(warnings.map(line => line.msg)).toEqual([
      "/graphql and /metrics are open to anyone who can reach this port: set API_TOKENS (comma-separated bearer tokens) to require a token",
    ]);
    expect(open.out()).toMatch(/production mode \(NODE_ENV\)/);

    const closed = start({ NODE_ENV: "production", PROVIDERS_MODE: "live", API_TOKENS: "tok-1" });
    await closed.ready();
    expect(closed.lines().filter(line => line.level === 40)).toEqual([]);
  });

  describe("when it cannot listen", () => {
    let taken: Server;
    let port: number;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>(resolve => taken.listen(0, "127.0.0.1", resolve));
      port = (taken.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>(resolve => taken.close(() => resolve())));

    it("answers a port in use with one account-graph: line and exit code 1", async () => {
      const server = start({ PORT: String(port) });
      expect(await server.exited()).toBe(1);
      expect(oneLine(server.err())).toMatch(
        new RegExp(`^account-graph: cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use \\(set PORT`),
      );
    });

    it("answers a HOST that does not resolve with one account-graph: line and exit code 1", async () => {
      const server = start({ HOST: "no-such-host.invalid" });
      expect(await server.exited()).toBe(1);
      expect(oneLine(server.err())).toBe(
        'account-graph: cannot listen on no-such-host.invalid:0: HOST "no-such-host.invalid" does not resolve (set HOST to an address or a resolvable name)',
      );
    });
  });

  it("logs draining, then stopped, on SIGTERM and exits 0", async () => {
    const server = start({});
    await server.ready();
    server.child.kill("SIGTERM");
    expect(await server.exited()).toBe(0);
    const messages = server.lines().map(line => line.msg);
    expect(messages.slice(-2)).toEqual(["draining in-flight requests, then stopping", "stopped"]);
  });
});

describe("Redis lost and found", () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it("says in the ready line that Redis is not connected, logs the loss once and the recovery, and names Redis in errors", async () => {
    await redis.kill();
    const server = start({ REDIS_URL: `redis://:s3cret-password@127.0.0.1:${redis.port}` });
    const url = await server.ready();
    expect(server.out()).toContain(`shared state in Redis at 127.0.0.1:${redis.port}: NOT connected yet`);
    const unreachable = () => server.lines().filter(line => /is unreachable/.test(String(line.msg)));
    await until(() => unreachable().length > 0, "the Redis loss to be logged");

    const read = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ account(provider: DEPICTA) { id } }" }),
    });
    const body = (await read.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toMatch(/Redis unavailable/);

    await redis.restart();
    await until(() => server.lines().some(line => /reachable again/.test(String(line.msg))), "the recovery to be logged");
    // ioredis retried many times meanwhile: one line for the loss, not one per attempt.
    expect(unreachable()).toHaveLength(1);
    expect(server.out()).not.toContain("s3cret-password");
  }, 40_000);
});
