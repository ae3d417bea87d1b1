import { accessSync, constants, readdirSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

// Jest loads its global setup with Node's own resolver, not the test module mapper, so this file
// imports nothing local; test/helpers/redis.ts imports the resolver from here.

/** Where the Redis suites get their `redis-server`, or why they cannot. */
export type RedisBinary = { path: string; source: string } | { missing: string };

/** The environment variable that names the resolved binary for the test workers. */
export const REDIS_SERVER_ENV = "REDIS_SERVER";

/** The one command that installs Redis on this platform. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  return platform === "darwin" ? "brew install redis" : "sudo apt-get install redis-server";
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first executable `redis-server` on `PATH` (Homebrew, Debian and hand-built installs alike). */
export function findOnPath(pathVariable = process.env.PATH ?? ""): string | undefined {
  for (const dir of pathVariable.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, "redis-server");
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * redis-memory-server's binary: from its cache, else downloaded and built from source (needs the
 * internet and `make`). Its install-time download is turned off in package.json, so nothing
 * happens unless a test run needs Redis and found none.
 */
async function fromRedisMemoryServer(): Promise<string> {
  const { RedisBinary } = await import("redis-memory-server");
  // It reports a failed download on the console as well as in the error; the error is enough.
  const { error, log } = console;
  console.error = console.log = () => undefined;
  try {
    return await RedisBinary.getPath();
  } finally {
    Object.assign(console, { error, log });
  }
}

/**
 * Find a `redis-server` for the tests: `REDIS_SERVER` when set (it must exist), else `PATH`, else
 * redis-memory-server. Never throws: a missing binary is described in one line with the command
 * that fixes it.
 */
export async function resolveRedisServer(
  env: NodeJS.ProcessEnv = process.env,
  obtain: () => Promise<string> = fromRedisMemoryServer,
): Promise<RedisBinary> {
  const fix = `install it (${installHint()}) or set REDIS_SERVER to its path`;
  const override = env[REDIS_SERVER_ENV];
  if (override) {
    return isExecutableFile(override)
      ? { path: override, source: "REDIS_SERVER" }
      : { missing: `REDIS_SERVER=${override} is not an executable file: ${fix}` };
  }
  const onPath = findOnPath(env.PATH);
  if (onPath) return { path: onPath, source: "PATH" };
  try {
    const built = await obtain();
    if (isExecutableFile(built)) return { path: built, source: "redis-memory-server" };
    return {
      missing: `redis-server is not on PATH and redis-memory-server gave no binary: ${fix}`,
    };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return {
      missing: `redis-server is not on PATH and redis-memory-server could not build one (${reason}): ${fix}`,
    };
  }
}

/** The folder (under the root) of the suites that start a real redis-server (`startRedis`). */
const REDIS_SUITES = join("test", "replicas");
/** The folder of the suites that drive a real Chromium (`test/helpers/browser.ts`). */
const BROWSER_SUITES = join("test", "explorer");
/** Where `test/helpers/browser.ts` looks for Chromium (this file imports nothing local). */
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Jest global setup: find `redis-server` once for the whole run and hand its path to the workers
 * (they inherit this process's environment), and check that Chromium is there for the browser
 * tests. When the selected tests need what cannot be had, stop the run at once with one line per
 * missing program that says how to install it, instead of failing suite after suite minutes later.
 */
export default async function globalSetup(globalConfig: {
  rootDir: string;
  testPathPattern?: string;
}): Promise<void> {
  const pattern = globalConfig.testPathPattern ?? "";
  const missing: string[] = [];
  if (selectsSuites(join(globalConfig.rootDir, REDIS_SUITES), pattern)) {
    const found = await resolveRedisServer();
    if ("path" in found) process.env[REDIS_SERVER_ENV] = found.path;
    else missing.push(found.missing);
  }
  if (selectsSuites(join(globalConfig.rootDir, BROWSER_SUITES), pattern) && !isExecutableFile(CHROMIUM)) {
    missing.push(`Chromium is not at ${CHROMIUM}: install it (sudo apt-get install chromium) or set CHROMIUM to its path`);
  }
  if (missing.length === 0) return;
  process.stderr.write(`\n${missing.map(line => `account-graph tests: ${line}`).join("\n")}\n\n`);
  process.exit(1);
}

// Jest matches its path filter against absolute test paths; no filter runs everything.
function selectsSuites(suites: string, pattern: string): boolean {
  if (pattern === "") return true;
  let filter: RegExp;
  try {
    filter = new RegExp(pattern, "i");
  } catch {
    return true;
  }
  return readdirSync(suites).some(file => filter.test(join(suites, file)));
}
