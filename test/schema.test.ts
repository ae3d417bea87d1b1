import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { graphql, isInputObjectType, parse } from "graphql";
import { buildSubgraph } from "../src/schema.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

let server: TestServer;
let committed: string;
beforeAll(async () => {
  server = await startTestServer();
  committed = await readFile(new URL("../schema.graphql", import.meta.url), "utf8");
});
afterAll(() => server.stop());

describe("schema.graphql", () => {
  it("is what the code builds (run `npm run schema:emit` after changing types)", async () => {
    expect(printSubgraphSchema(await buildSubgraph(PROVIDER_MODULES))).toBe(committed);
  });

  it("is what the running server serves to a federation gateway", async () => {
    const { body } = await server.gql<{ _service: { sdl: string } }>("{ _service { sdl } }");
    // A subgraph built from the committed file must serve exactly the same SDL as ours.
    const fromFile = buildSubgraphSchema({ typeDefs: parse(committed) });
    const expected = await graphql({ schema: fromFile, source: "{ _service { sdl } }" });
    expect(body.data?._service.sdl).toBe((expected.data as { _service: { sdl: string } })._service.sdl);
    expect(body.data?._service.sdl).toContain("type DiffioAccount implements Account");
  });

  it("declares the federation link, the entity keys and both shared scalars", () => {
    expect(committed).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    expect(committed).toMatch(/type DiffioAccount implements Account[\s\S]*?@key\(fields: "id"\)/);
    expect(committed).toContain("scalar Decimal");
    expect(committed).toContain("scalar DateTime");
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = await buildSubgraph(PROVIDER_MODULES);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || type.name.startsWith("_") || ["String", "Boolean", "Int", "Float", "ID", "Query", "Mutation", "link__Import", "link__Purpose", "federation__FieldSet", "federation__Scope", "federation__Policy"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      const fields = "getFields" in type ? (type.getFields() as Record<string, { description?: string | null; args?: readonly { name: string; description?: string | null }[] }>) : {};
      for (const [name, field] of Object.entries(fields)) {
        if (!field.description) missing.push(`${type.name}.${name}`);
        for (const arg of field.args ?? []) if (!arg.description) missing.push(`${type.name}.${name}(${arg.name})`);
      }
      if ("getValues" in type) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const [name, field] of Object.entries(root?.getFields() ?? {})) {
        if (name.startsWith("_")) continue;
        if (!field.description) missing.push(`${root!.name}.${name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${root!.name}.${name}(${arg.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("states each trimmed field's lengths from its validation rule, once", async () => {
    const schema = await buildSubgraph(PROVIDER_MODULES);
    const field = (type: string, name: string) => {
      const input = schema.getType(type) as { getFields(): Record<string, { description?: string | null }> };
      return input.getFields()[name]!.description ?? "";
    };
    // @TrimmedLength(1, 100) and @TrimmedLength(0, 200): the rule's numbers, at the end.
    expect(field("UpdateProfileNameInput", "name")).toMatch(/\. Trimmed, then 1 to 100 characters\.$/);
    expect(field("CudoBillingAddressInput", "name")).toBe("Addressee. At most 200 characters after trimming.");
    // Twelve fields have the rule, and none states a length of its own beside the generated one.
    const lengths = / ?(?:Trimmed, then \d+ to \d+ characters|At most \d+ characters after trimming)\.$/;
    const trimmed = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .flatMap(type => Object.values(type.getFields()))
      .filter(f => lengths.test(f.description ?? ""));
    expect(trimmed).toHaveLength(12);
    for (const f of trimmed) expect(f.description!.replace(lengths, "")).not.toMatch(/characters/);
  });
});
