import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ApolloGateway } from "@apollo/gateway";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { isInterfaceType, type GraphQLSchema } from "graphql";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { composeSupergraph } from "../../tools/compose-supergraph.js";

// `npm run supergraph` writes deploy/supergraph.graphql, which the kustomization mounts into the
// router: it must be a supergraph a router loads, routing our types to the account-graph Service.
const ROOT = new URL("../../", import.meta.url).pathname;
const CLI = join(ROOT, "build-tools/tools/compose-supergraph.js");
const ACCOUNT_TYPES = PROVIDER_MODULES.map(m => m.accountTypeName);
const run = (args: string[]) => promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT });

describe("npm run supergraph", () => {
  let sdl: string;
  let dir: string;
  beforeAll(async () => {
    sdl = await composeSupergraph();
    dir = await mkdtemp(join(tmpdir(), "supergraph-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("composes deploy/supergraph.yaml into a supergraph that names account-graph at its Service URL", () => {
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)');
    expect(sdl).toMatch(/ACCOUNT_GRAPH @join__graph\(name: "account-graph", url: "http:\/\/account-graph:4000\/graphql"\)/);
    expect(sdl).toMatch(/interface Account\s+@join__type\(graph: ACCOUNT_GRAPH\)/);
    for (const type of ACCOUNT_TYPES) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Account\\s+@join__implements\\(graph: ACCOUNT_GRAPH, interface: "Account"\\)\\s+@join__type\\(graph: ACCOUNT_GRAPH, key: "id"\\)`));
    }
  });

  it("is a supergraph Apollo's gateway loads, with every account type behind the Account interface", async () => {
    const gateway = new ApolloGateway({ supergraphSdl: sdl });
    const { schema } = (await gateway.load()) as { schema: GraphQLSchema };
    try {
      const account = schema.getType("Account");
      expect(isInterfaceType(account)).toBe(true);
      expect(schema.getPossibleTypes(account as never).map(t => t.name).sort()).toEqual([...ACCOUNT_TYPES].sort());
      expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(["account", "accounts"]));
      expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
        ["patchPreferences", "updateBillingAccount", "updateBillingPolicy", "updateProfileName"],
      );
    } finally {
      await gateway.stop();
    }
  });

  it("writes the same supergraph from the command line, where --output says", async () => {
    const output = join(dir, "supergraph.graphql");
    const { stdout } = await run(["--output", output]);
    expect(stdout).toBe(`wrote ${output}\n`);
    expect(await readFile(output, "utf8")).toBe(sdl);
  });

  it("refuses a federation_version other than the composition library's, in one line, exit 1", async () => {
    const config = join(dir, "supergraph.yaml");
    const original = await readFile(join(ROOT, "deploy/supergraph.yaml"), "utf8");
    await writeFile(config, original.replace(/^federation_version: .*$/m, "federation_version: =2.0.0").replace("../schema.graphql", join(ROOT, "schema.graphql")));
    const failed = await run(["--config", config, "--output", join(dir, "never.graphql")]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/^account-graph supergraph: .*federation_version is "=2\.0\.0", but this tool composes with @apollo\/composition \d+\.\d+\.\d+; set federation_version: =\d+\.\d+\.\d+\n$/);
  });
});
