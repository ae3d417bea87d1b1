import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "@jest/globals";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";

// Node's module hooks see every module the process loads, dynamic imports included: the built
// server, started as `npm start` starts it, records them all to a file.
const dir = mkdtempSync(join(tmpdir(), "account-graph-imports-"));
const hooks = join(dir, "record-hooks.mjs");
writeFileSync(
  hooks,
  `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(process.env.IMPORT_LOG, url + "\\n");
  return next(url, context);
}
`,
);
const register = join(dir, "register.mjs");
writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

const running: BuiltServer[] = [];
afterAll(async () => {
  for (const server of running) {
    server.child.kill("SIGTERM");
    await server.exited();
  }
});

/** Start the built server with `env`, answer one request, stop it; the files it loaded. */
async function loadedModules(name: string, env: Record<string, string>): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  const server = startBuilt({ ...env, IMPORT_LOG: log, NODE_OPTIONS: `--import=${pathToFileURL(register).href}` });
  running.push(server);
  const url = await server.ready();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  expect(response.status).toBe(200);
  server.child.kill("SIGTERM");
  expect(await server.exited()).toBe(0);
  return existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
}

const isSimulatorCode = (url: string) => /\/build\/(?:simulators|providers\/[^/]+\/simulator)\//.test(url);

describe("which modules a process loads", () => {
  it("live mode loads every provider module and no simulator code", async () => {
    const loaded = await loadedModules("live", { NODE_ENV: "production", PROVIDERS_MODE: "live" });
    for (const module of PROVIDER_MODULES) {
      expect(loaded.some(url => url.endsWith(`/build/providers/${module.id.toLowerCase()}/index.js`))).toBe(true);
    }
    expect(loaded.filter(isSimulatorCode)).toEqual([]);
  });

  it("simulated mode loads each simulator, on demand (the check sees them when they are there)", async () => {
    const loaded = await loadedModules("simulated", { NODE_ENV: "development", PROVIDERS_MODE: "simulated" });
    for (const module of PROVIDER_MODULES) {
      const folder = module.id.toLowerCase();
      expect(loaded).toContain(pathToFileURL(join(process.cwd(), `build/providers/${folder}/simulator/${folder}.simulator.js`)).href);
    }
    expect(loaded.filter(isSimulatorCode).length).toBeGreaterThan(PROVIDER_MODULES.length);
  });
});
