import { type ApolloServerPlugin } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Context } from "../../src/context.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/*
 * An Apollo plugin the prepared path does not run would see only an operation's first request if
 * the path answered the rest. So any such plugin turns the path off at start, with one log line,
 * and the plugin sees every request.
 */

const QUERY = "query SeenEveryTime { account(provider: DIFFIO) { id } }";

async function preparedHits(server: TestServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/account_graph_cache_hits_total\{cache="prepared"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe("an Apollo plugin the prepared path does not reproduce", () => {
  let server: TestServer;
  const seen: string[] = [];
  const counting: ApolloServerPlugin<Context> = {
    async requestDidStart({ request }) {
      if (request.query) seen.push(request.query);
    },
  };
  beforeAll(async () => {
    // On, whichever project runs this: the plugin is what must turn it off.
    server = await startTestServer({ PREPARED_PATH: "true" }, { apolloPlugins: [counting] });
  });
  afterAll(() => server.stop());

  it("turns the prepared path off at start with one log line, so the plugin sees every request", async () => {
    const off = server.logs.lines.filter(line => line.includes("prepared path off"));
    expect(off).toHaveLength(1);
    expect(off[0]).toContain("1 Apollo plugin is not reproduced");
    expect(server.running.caches.prepared).toBeUndefined();
    for (let i = 0; i < 3; i++) expect((await server.gql(QUERY)).body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(seen.filter(query => query === QUERY)).toHaveLength(3);
    expect(await preparedHits(server)).toBe(0);
  });
});

describe("PREPARED_PATH=false", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PREPARED_PATH: "false" });
  });
  afterAll(() => server.stop());

  it("sends every request through Apollo and says so once at start", async () => {
    expect(server.logs.lines.filter(line => line.includes("prepared path off (PREPARED_PATH=false)"))).toHaveLength(1);
    for (let i = 0; i < 3; i++) expect((await server.gql(QUERY)).body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(await preparedHits(server)).toBe(0);
  });
});
