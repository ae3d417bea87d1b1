import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { READ_CASES } from "../caches/read-cache-cases.js";
import { Provider } from "../helpers/providers.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// The read cache in Redis when Redis goes away: reads go to the provider (never an error, never a
// wrong answer), the outage is logged once, and a write made meanwhile is not undone by the
// answers Redis still holds when it comes back.
const hostup = READ_CASES.find(c => c.provider === Provider.HOSTUP)!;
let redis: TestRedis;
let server: TestServer;
beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({
    REDIS_URL: redis.url,
    READ_CACHE_TTL_SECONDS: "600",
    CREDENTIAL_HASH_SECRET: "a-secret-of-at-least-thirty-two-characters",
  });
});
afterAll(async () => {
  await server?.stop();
  await redis?.stop();
});

const calls = () => server.sims.hostup.control.count(hostup.call);
const ready = async () => (await fetch(`${server.url}/readyz`)).status === 200;
const lines = (text: string) => server.logs.lines.filter(line => line.includes(text)).length;

async function read() {
  const { status, body } = await server.gql(hostup.read, {}, hostup.key);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return hostup.field(body.data!);
}

describe("a Redis that stops answering", () => {
  it("costs provider calls, logged once; a write made meanwhile still shows once Redis is back with its old answers", async () => {
    const before = await read();
    await read();
    expect(calls()).toBe(1);

    redis.pause();
    await until(async () => !(await ready()), "the server to find Redis not answering");
    for (let i = 0; i < 3; i++) expect(await read()).toBe(before);
    expect(calls()).toBe(4);
    const written = hostup.written(1);
    expect(written).not.toBe(before);
    const { body } = await server.gql(hostup.write(written), {}, hostup.key);
    expect(body.errors).toBeUndefined();
    expect(await read()).toBe(written);

    // Redis answers again, still holding the answer from before the write.
    redis.resume();
    await until(ready, "the server to find Redis answering again");
    expect(await read()).toBe(written);
    await until(() => lines("read cache available again") === 1, "the recovery line");
    expect(await read()).toBe(written);
    expect(lines("read cache unavailable")).toBe(1);
  });

  it("costs provider calls while Redis is down and restarted empty, then caches again", async () => {
    await redis.kill();
    await until(async () => !(await ready()), "the server to find Redis unreachable");
    const start = calls();
    await read();
    await read();
    expect(calls()).toBe(start + 2);
    await redis.restart();
    await until(ready, "the server to reconnect");
    await read();
    await read();
    expect(calls()).toBe(start + 3);
    // One line per outage, one per recovery.
    await until(() => lines("read cache available again") === 2, "the second recovery line");
    expect(lines("read cache unavailable")).toBe(2);
  });
});
