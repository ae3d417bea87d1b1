import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIMULATED_FAULTS } from "../../src/http/simulated-faults.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const blocks = (language: string) => [...readme.matchAll(new RegExp("```" + language + "\\n([\\s\\S]*?)```", "g"))].map(m => m[1]!);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "development" });
});
afterAll(() => server.stop());

describe("README.md", () => {
  it("stays short", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
  });

  it("has one curl, and it answers what the README shows", async () => {
    const curls = blocks("sh").filter(b => b.includes("curl "));
    expect(curls).toHaveLength(1);
    const curl = curls[0]!;
    const url = /curl (\S+)/.exec(curl)![1]!;
    expect(url).toBe("http://localhost:4000/graphql");
    const headers = Object.fromEntries([...curl.matchAll(/-H '([^:]+): ([^']*)'/g)].map(m => [m[1]!, m[2]!]));
    expect(headers).toEqual({ "content-type": "application/json" });
    const body = /--data '([^']*)'/.exec(curl)![1]!;
    const response = await fetch(url.replace("http://localhost:4000", server.url), { method: "POST", headers, body });
    expect(response.status).toBe(200);
    const shown = JSON.parse(blocks("json")[0]!.replace("[...]", "[]")) as { data: unknown };
    expect(((await response.json()) as { data: unknown }).data).toEqual(shown.data);
  });

  it("has a query and a mutation that run as written", async () => {
    const operations = blocks("graphql");
    expect(operations.map(o => o.trim().split(/\s/)[0])).toEqual(["query", "mutation"]);
    for (const operation of operations) {
      const { status, body } = await server.gql(operation);
      expect([status, body.errors]).toEqual([200, undefined]);
    }
  });

  it("lists every simulated fault with its GraphQL error", () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| `([A-Z_]+)`/gm)].map(m => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(SIMULATED_FAULTS).map(([name, { code }]) => [name, code]));
  });

  it("names the Node.js majors package.json supports, and nothing else", () => {
    const engines = (JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } }).engines.node;
    expect(engines).toBe("^22.15.0 || ^24.0.0");
    expect(readme).toContain("Node.js 22 (22.15 or later) and 24");
    expect(readme).not.toMatch(/Node(\.js)? 20\b/);
  });
});
