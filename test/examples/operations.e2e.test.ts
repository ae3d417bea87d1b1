import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { exampleOperations } from "../helpers/example-operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// operations/ is what client teams copy and what the manifest ships: every example must run on
// the demo data with the variables written above it, and every mutation must visibly change it.
const EXAMPLES = exampleOperations();
const queries = EXAMPLES.filter(op => op.type === "query");
const mutations = EXAMPLES.filter(op => op.type === "mutation");

describe("operations/ examples against the simulators", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("covers a read and a mutation of every provider", () => {
    const groups = (ops: typeof EXAMPLES) => [...new Set(ops.map(op => op.group))].sort();
    expect(groups(queries)).toEqual(["accounts", "cudo", "depicta", "diffio", "hostup"]);
    expect(groups(mutations)).toEqual(["cudo", "depicta", "diffio", "hostup"]);
  });

  it.each(queries.map(op => [op.name, op] as const))("query %s answers with data and no errors", async (_name, op) => {
    server.resetSims();
    const { status, body } = await server.gql(op.text, op.variables);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect(Object.values(body.data ?? {}).every(value => value !== null)).toBe(true);
  });

  it.each(mutations.map(op => [op.name, op] as const))(
    "mutation %s succeeds and changes what its provider's reads show",
    async (_name, op) => {
      server.resetSims();
      const reads = queries.filter(q => q.group === op.group);
      const readAll = () => Promise.all(reads.map(async q => (await server.gql(q.text, q.variables)).body));
      const before = await readAll();
      const { status, body } = await server.gql(op.text, op.variables);
      expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
      expect(Object.values(body.data ?? {})[0]).toEqual(expect.any(Object));
      const after = await readAll();
      for (const read of after) expect(read.errors).toBeUndefined();
      expect(after).not.toEqual(before);
    },
  );
});
