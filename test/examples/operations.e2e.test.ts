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

  it("covers every provider's read and at least one mutation per provider file", () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
    const filesWithMutations = new Set(mutations.map(m => m.file));
    expect([...filesWithMutations].sort()).toEqual([...new Set(EXAMPLES.map(op => op.file))].sort());
  });

  it.each(queries.map(op => [op.name, op] as const))("query %s answers with data and no errors", async (_name, op) => {
    server.resetSims();
    const { status, body } = await server.gql(op.text, op.variables);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    expect(Object.values(body.data ?? {}).every(value => value !== null)).toBe(true);
  });

  it.each(mutations.map(op => [op.name, op] as const))(
    "mutation %s succeeds and changes what the reads of its file show",
    async (_name, op) => {
      server.resetSims();
      const reads = queries.filter(q => q.file === op.file);
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
