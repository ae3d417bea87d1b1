import { describe, expect, it } from "@jest/globals";
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type GraphQLObjectType,
  type ObjectTypeDefinitionNode,
} from "graphql";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { composeWithInsights } from "./helpers.js";

// What a gateway team does with our committed schema.graphql: compose it with their subgraph.
const composition = composeWithInsights();

const objectType = (sdl: string, name: string) =>
  parse(sdl).definitions.find(
    (d): d is ObjectTypeDefinitionNode =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name,
  );

// `@join__field(graph: X)` / `@join__type(graph: X, key: "...")` arguments as plain strings.
const joinArgs = (directive: ConstDirectiveNode) =>
  Object.fromEntries(
    (directive.arguments ?? []).map(a => [
      a.name.value,
      "value" in a.value ? String(a.value.value) : "",
    ]),
  );

describe("composition of schema.graphql with a second subgraph", () => {
  it("composes without errors", () => {
    expect(composition.errors?.map(e => e.message)).toBeUndefined();
    expect(composition.supergraphSdl).toContain("@join__graph(name: \"account-graph\"");
    expect(composition.supergraphSdl).toContain("@join__graph(name: \"insights\"");
  });

  it("joins the insights fields onto our entities, owned by the insights graph", () => {
    const sdl = composition.supergraphSdl!;
    const owner = (type: string, field: string) => {
      const node = objectType(sdl, type)?.fields?.find(f => f.name.value === field);
      return node?.directives
        ?.filter(d => d.name.value === "join__field")
        .map(d => joinArgs(d).graph);
    };
    expect(owner("CudoBillingAccount", "budgetAlerts")).toEqual(["INSIGHTS"]);
    expect(owner("DepictaAccount", "generationsThisMonth")).toEqual(["INSIGHTS"]);
    expect(owner("CudoBillingAccount", "displayName")).toEqual(["ACCOUNT_GRAPH"]);
    expect(owner("DepictaAccount", "name")).toEqual(["ACCOUNT_GRAPH"]);

    // Both graphs key the shared entities by id, so the gateway can jump between them.
    for (const type of ["CudoBillingAccount", "DepictaAccount"]) {
      const keys = objectType(sdl, type)
        ?.directives?.filter(d => d.name.value === "join__type")
        .map(d => joinArgs(d));
      expect(keys).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ graph: "ACCOUNT_GRAPH", key: "id" }),
          expect.objectContaining({ graph: "INSIGHTS", key: "id" }),
        ]),
      );
    }
  });

  it("exposes one API schema in which clients select fields of both subgraphs together", () => {
    const api = composition.schema!.toAPISchema().toGraphQLJSSchema();
    const cudo = api.getType("CudoBillingAccount") as GraphQLObjectType;
    const depicta = api.getType("DepictaAccount") as GraphQLObjectType;
    expect(Object.keys(cudo.getFields())).toEqual(
      expect.arrayContaining(["id", "displayName", "budgetAlerts"]),
    );
    expect(String(cudo.getFields().budgetAlerts!.type)).toBe("[String!]!");
    expect(Object.keys(depicta.getFields())).toEqual(
      expect.arrayContaining(["id", "name", "email", "generationsThisMonth"]),
    );
    expect(String(depicta.getFields().generationsThisMonth!.type)).toBe("Int!");
    // Our queries, mutations and all four entity types survive composition.
    expect(Object.keys(api.getQueryType()!.getFields()).sort()).toEqual(["account", "accounts"]);
    expect(api.getMutationType()).toBeDefined();
    for (const name of PROVIDER_MODULES.map(m => m.accountTypeName)) expect(api.getType(name)).toBeDefined();
    // Federation plumbing is not part of what clients see.
    expect(api.getQueryType()!.getFields()._entities).toBeUndefined();
  });

  it("reports an error when the other subgraph contradicts one of our fields", () => {
    // Proves the checks above can fail: a conflicting type for a field we own breaks composition.
    const conflicting = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type CudoBillingAccount @key(fields: "id") { id: ID! displayName: Int }
    `;
    const broken = composeWithInsights(undefined, conflicting);
    expect(broken.errors?.length).toBeGreaterThan(0);
    expect(broken.errors!.map(e => e.message).join("\n")).toMatch(/displayName/);
  });
});
