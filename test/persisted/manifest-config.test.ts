import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { loadConfig } from "../helpers/providers.js";
import { BUNDLED_MANIFEST_PATH, loadManifest, readManifest, sha256 } from "../../src/persisted/manifest.js";
import { ConfigError } from "../../src/config-error.js";
import { problemsOf } from "../helpers/config-problems.js";


const dir = mkdtempSync(join(tmpdir(), "manifest-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const body = "query Mine {\n  accounts {\n    id\n    __typename\n  }\n}";
const valid = { format: "apollo-persisted-query-manifest", version: 1, operations: [{ id: sha256(body), name: "Mine", type: "query", body }] };
const only = (path: string) => ({ PERSISTED_QUERIES: "only", PERSISTED_QUERY_MANIFEST: path });

describe("PERSISTED_QUERY_MANIFEST", () => {
  it("defaults to the bundled manifest, which is valid", () => {
    expect(loadConfig({ PERSISTED_QUERIES: "only" }).persistedQueryManifest).toBe(BUNDLED_MANIFEST_PATH);
    expect(readManifest(BUNDLED_MANIFEST_PATH).operations.length).toBeGreaterThan(0);
  });

  it("takes the client teams' own manifest file", () => {
    const path = file("valid.json", valid);
    expect(loadConfig(only(path)).persistedQueryManifest).toBe(path);
    expect(readManifest(path)).toEqual(valid);
  });

  it.each([
    ["a missing file", join(dir, "nope.json"), /"[^"]*nope\.json" cannot be read \(ENOENT\)/],
    ["a directory", dir, /cannot be read \(EISDIR\)/],
  ])("refuses %s with the other configuration problems", (_what, path, message) => {
    const problems = problemsOf({ ...only(path), PORT: "abc" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT /);
    expect(problems[1]).toMatch(/^PERSISTED_QUERY_MANIFEST "/);
    expect(problems[1]).toMatch(message);
  });

  it.each([
    ["text that is not JSON", "not-json", /is not JSON/],
    ["JSON of another format", { operations: {} }, /is not an Apollo persisted query manifest/],
    ["an operation without a body", { ...valid, operations: [{ id: "x", name: "Mine" }] }, /operation 0 \(Mine\) needs string "id", "name" and "body"/],
    ["a body that is not GraphQL", { ...valid, operations: [{ ...valid.operations[0], body: "query {" }] }, /operation 0 \(Mine\): body is not GraphQL/],
    ["an id that is not the body's SHA-256", { ...valid, operations: [{ ...valid.operations[0], id: "mine-1" }] }, /operation 0 \(Mine\): id is not the SHA-256 of its body/],
    ["no operations", { ...valid, operations: [] }, /lists no operations/],
  ])("refuses %s when it is read, once, at start (a configuration error)", (_what, content, message) => {
    const path = file(`bad-${Math.random()}.json`, content);
    const config = loadConfig(only(path));
    let thrown: unknown;
    try {
      loadManifest(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toHaveLength(1);
    expect((thrown as ConfigError).problems[0]).toMatch(/^PERSISTED_QUERY_MANIFEST "/);
    expect((thrown as ConfigError).problems[0]).toMatch(message);
  });

  it("is refused without PERSISTED_QUERIES=only, where it would be ignored", () => {
    expect(problemsOf({ PERSISTED_QUERY_MANIFEST: file("unused.json", valid) })).toEqual([
      'PERSISTED_QUERY_MANIFEST is only used with PERSISTED_QUERIES=only (got "apq")',
    ]);
  });
});
