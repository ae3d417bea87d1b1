import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "../helpers/providers.js";
import { NODE_FLAGS, START_ENV } from "../../src/node-flags.js";

const root = new URL("../../", import.meta.url).pathname;
const dockerfile = readFileSync(`${root}Dockerfile`, "utf8");
// Instructions per stage, continuation lines joined.
const parse = (text: string) =>
  text
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map(line => line.trim())
    .filter(line => line && !line.startsWith("#"))
    .map(line => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1)!;
const of = (keyword: string, text = dockerfile) => parse(text).filter(i => i.keyword === keyword);

describe("Dockerfile", () => {
  it("is multi-stage on Node 24 LTS, the major CI tests, and runs production dependencies only", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^node:24-[\w.-]+/);
    const ci = readFileSync(`${root}.ci/run`, "utf8");
    expect(ci).toMatch(/^NODE_VERSION=24\.\d+\.\d+$/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build/);
    expect(runtime).not.toMatch(/npm (ci|install)(?! --omit=dev)/);
  });

  it("runs as a non-root user with NODE_ENV=production", () => {
    const user = of("USER", runtime);
    expect(user.length).toBe(1);
    expect(user[0]!.args).not.toMatch(/^(root|0)$/);
    expect(runtime).toMatch(/NODE_ENV=production/);
  });

  it("exposes the port the server listens on by default", () => {
    const exposed = of("EXPOSE", runtime).map(i => Number(i.args));
    expect(exposed).toEqual([loadConfig({}).port]);
    expect(runtime).toMatch(new RegExp(`PORT=${loadConfig({}).port}`));
  });

  it("starts the built entry point with the same V8 flags as npm start and the benchmark", () => {
    const cmd = of("CMD", runtime).at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(["node", ...NODE_FLAGS, "build/index.js"]);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };
    // `exec`: node replaces npm's shell, so signals npm passes on reach node (test/process.e2e).
    // The start environment is a default: a caller's own value wins (checked below).
    const startEnv = Object.entries(START_ENV).map(([name, value]) => `${name}=\${${name}:-${value}}`);
    expect(pkg.scripts.start).toBe([...startEnv, "exec", "node", ...NODE_FLAGS, "build/index.js"].join(" "));
    expect(existsSync(`${root}src/index.ts`)).toBe(true);
    const build = JSON.parse(readFileSync(`${root}tsconfig.build.json`, "utf8")) as { compilerOptions: { outDir: string; rootDir: string } };
    expect(build.compilerOptions).toMatchObject({ outDir: "build", rootDir: "src" });
  });

  it("starts with the same environment as npm start and the benchmark, a caller's own value first", () => {
    const env = Object.fromEntries(of("ENV", runtime).flatMap(i => i.args.split(/\s+/).map(pair => pair.split("=") as [string, string])));
    expect(env).toMatchObject(START_ENV);
    expect(Object.keys(START_ENV).length).toBeGreaterThan(0);
    const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };
    // npm runs the script with sh: its prefix, up to node, is run here with a node that prints
    // what it was given.
    const prefix = pkg.scripts.start.slice(0, pkg.scripts.start.indexOf(" node "));
    const names = Object.keys(START_ENV);
    const print = `${prefix} "${process.execPath}" -e 'process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map(n => process.env[n])))'`;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !names.includes(name)));
    const bare = spawnSync("sh", ["-c", print], { encoding: "utf8", env: inherited });
    expect(JSON.parse(bare.stdout)).toEqual(Object.values(START_ENV));
    const own = spawnSync("sh", ["-c", print], { encoding: "utf8", env: { ...inherited, ...Object.fromEntries(names.map(n => [n, "7"])) } });
    expect(JSON.parse(own.stdout)).toEqual(names.map(() => "7"));
  });

  it("uses V8 flags this Node accepts (an unknown one stops node before it runs anything)", () => {
    const run = spawnSync(process.execPath, [...NODE_FLAGS, "-e", "process.stdout.write('ran')"], { encoding: "utf8" });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "ran", stderr: "" });
  });

  it("checks health on /healthz", () => {
    const health = of("HEALTHCHECK", runtime);
    expect(health).toHaveLength(1);
    expect(health[0]!.args).toContain("/healthz");
    expect(readFileSync(`${root}src/http/http-server.ts`, "utf8")).toContain('path === "/healthz"');
  });

  it("copies only files that exist, including what the runtime reads", () => {
    for (const copy of of("COPY")) {
      if (copy.args.includes("--from=")) continue;
      const parts = copy.args.split(/\s+/).filter(p => !p.startsWith("--"));
      for (const source of parts.slice(0, -1)) expect(existsSync(`${root}${source}`)).toBe(true);
    }
    expect(runtime).toContain("persisted-query-manifest.json");
    expect(runtime).toContain("schema.graphql");
  });

  it("keeps node_modules, build output and tests out of the context", () => {
    const ignored = readFileSync(`${root}.dockerignore`, "utf8").split("\n").map(l => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", "build", "test", ".git"]));
  });
});
