import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { parse, print, type FragmentDefinitionNode } from "graphql";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The README's claim about MAX_COST (default 50,000): a gateway's batch of 100 Cudo references
// with every field costs about 34,000 and passes; two such batches in one operation are over the
// limit. It must hold however the client writes the type condition: named or inline.

const CUDO_ALL = readFileSync(new URL("../operations/cudo.graphql", import.meta.url), "utf8").split(/^query /m)[0]!;
const FIELDS = print((parse(CUDO_ALL).definitions[0] as FragmentDefinitionNode).selectionSet);
const refs = Array.from({ length: 100 }, (_, i) => ({ __typename: "CudoBillingAccount", id: `ba-cost-${i}` }));
const batches = (n: number, inline: boolean) =>
  `query Batches($r: [_Any!]!) { ${Array.from(
    { length: n },
    (_, i) => `e${i}: _entities(representations: $r) { ${inline ? `... on CudoBillingAccount ${FIELDS}` : "...CudoAll"} }`,
  ).join(" ")} }${inline ? "" : ` ${CUDO_ALL}`}`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" });
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

describe("MAX_COST for _entities batches, fragments named or inline", () => {
  for (const inline of [false, true]) {
    const how = inline ? "an inline fragment" : "a named fragment";

    it(`passes one batch of 100 references with every field, written with ${how}`, async () => {
      const { status, body } = await server.gql<{ e0: unknown[] }>(batches(1, inline), { r: refs });
      expect(status).toBe(200);
      expect(body.data?.e0).toHaveLength(100);
    });

    it(`refuses two such batches (cost about 67,000), written with ${how}, before any upstream call`, async () => {
      const { status, body } = await server.gql(batches(2, inline), { r: refs });
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors?.[0]?.message).toMatch(/Cost limit of 50000 exceeded, found 67413\b/);
      expect(server.sims.cudo.control.count()).toBe(0);
    });
  }
});
