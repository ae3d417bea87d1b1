import { describe, expect, it } from "@jest/globals";
import { preparedLookup } from "../../src/prepared/prepared-request.js";

const HASH = "a".repeat(64);
const persisted = { persistedQuery: { version: 1, sha256Hash: HASH } };
const headers = (values: Record<string, string>) => (name: string) => values[name];
const search = (fields: Record<string, unknown>) =>
  "?" + new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]));

describe("preparedLookup", () => {
  it("takes a plain POST body and a hash-only persisted query", () => {
    expect(preparedLookup("POST", "", { query: "{ a }", operationName: null, variables: { x: 1 } }, headers({}))).toEqual({
      query: "{ a }",
      sha256: undefined,
      operationName: undefined,
      variables: { x: 1 },
    });
    expect(preparedLookup("POST", "", { operationName: "A", extensions: persisted }, headers({}))).toEqual({
      query: undefined,
      sha256: HASH,
      operationName: "A",
      variables: undefined,
    });
  });

  it.each([
    ["an empty query", { query: "" }],
    ["no query and no hash", { operationName: "A" }],
    ["a registration (query and hash)", { query: "{ a }", extensions: persisted }],
    ["another extension", { query: "{ a }", extensions: { tracing: true } }],
    ["a second extension beside the persisted query", { extensions: { ...persisted, other: 1 } }],
    ["persisted query version 2", { extensions: { persistedQuery: { version: 2, sha256Hash: HASH } } }],
    ["a hash that is not SHA-256 hex", { extensions: { persistedQuery: { version: 1, sha256Hash: "ABC" } } }],
    ["variables as an array", { query: "{ a }", variables: [] }],
    ["variables as a string", { query: "{ a }", variables: "{}" }],
    ["a numeric operation name", { query: "{ a }", operationName: 1 }],
    ["an unknown field", { query: "{ a }", id: "x" }],
    ["a body that is not an object", "{ a }"],
  ])("leaves to Apollo a POST with %s", (_name, body) => {
    expect(preparedLookup("POST", "", body, headers({}))).toBeUndefined();
  });

  it("takes a GET that passes CSRF prevention, by text or by hash", () => {
    const preflight = headers({ "x-apollo-operation-name": "A" });
    expect(preparedLookup("GET", search({ query: "{ a }", variables: { x: 1 } }), undefined, preflight)).toMatchObject({ query: "{ a }", variables: { x: 1 } });
    expect(preparedLookup("GET", search({ extensions: persisted }), undefined, preflight)).toMatchObject({ sha256: HASH });
    expect(preparedLookup("GET", search({ query: "{ a }" }), undefined, headers({ "content-type": "application/json; charset=utf-8" }))).toMatchObject({ query: "{ a }" });
  });

  it.each([
    ["no preflight header and no content-type", search({ query: "{ a }" }), {}],
    ["an empty preflight header", search({ query: "{ a }" }), { "apollo-require-preflight": "" }],
    ["a simple content-type", search({ query: "{ a }" }), { "content-type": "text/plain" }],
    ["an Accept that may prefer HTML", search({ query: "{ a }" }), { "apollo-require-preflight": "1", accept: "text/html,*/*" }],
    ["a repeated parameter", "?query=%7B%20a%20%7D&query=%7B%20b%20%7D", { "apollo-require-preflight": "1" }],
    ["an unknown parameter", search({ query: "{ a }", x: "1" }), { "apollo-require-preflight": "1" }],
    ["variables that are not JSON", "?query=%7Ba%7D&variables=%7Bx", { "apollo-require-preflight": "1" }],
  ])("leaves to Apollo a GET with %s", (_name, query, values) => {
    expect(preparedLookup("GET", query, undefined, headers(values))).toBeUndefined();
  });

  it("leaves other methods to Apollo", () => {
    expect(preparedLookup("PUT", "", { query: "{ a }" }, headers({}))).toBeUndefined();
  });
});
