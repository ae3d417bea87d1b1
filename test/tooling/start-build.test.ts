import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";

// `npm start`'s prestart, run on a small project of the same shape as this one (src/ compiled
// into build/ by tsconfig.build.json), so the test can change sources without touching ours.
const SCRIPT = new URL("../../scripts/build-server.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "account-graph-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
write("tsconfig.json", JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, types: [] } }));
write(
  "tsconfig.build.json",
  JSON.stringify({
    extends: "./tsconfig.json",
    compilerOptions: { rootDir: "src", outDir: "build", incremental: true, tsBuildInfoFile: "build/.tsbuildinfo" },
    include: ["src"],
  }),
);
mkdirSync(join(dir, "src"));
write("src/index.ts", `export const version: number = 1;\n`);
write("src/extra.ts", `export const extra = "x";\n`);

function prestart() {
  const run = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: "utf8" });
  return { status: run.status, said: run.stderr + run.stdout };
}
// Before a change: the sources dated two minutes back and the last build one minute back, so
// exactly what the test then changes is newer than the build, whatever the clock's resolution.
function settle() {
  const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  for (const path of ["src", ...readdirSync(join(dir, "src")).map(f => `src/${f}`), "tsconfig.json", "tsconfig.build.json", "package-lock.json"]) {
    if (existsSync(join(dir, path))) utimesSync(join(dir, path), at(2), at(2));
  }
  utimesSync(join(dir, "build/.tsbuildinfo"), at(1), at(1));
}

describe("npm start's build step", () => {
  it("says it is compiling on a first start, and builds", () => {
    const first = prestart();
    expect(first).toMatchObject({ status: 0 });
    expect(first.said).toContain("first start: compiling the server into build/");
    expect(readFileSync(join(dir, "build/index.js"), "utf8")).toContain("version = 1");
  });

  it("compiles nothing when build/ is current", () => {
    const built = statSync(join(dir, "build/index.js")).mtimeMs;
    expect(prestart()).toEqual({ status: 0, said: "" });
    expect(statSync(join(dir, "build/index.js")).mtimeMs).toBe(built);
  });

  it("compiles again when a source changed, naming it", () => {
    settle();
    write("src/index.ts", `export const version: number = 2;\n`);
    const run = prestart();
    expect(run).toMatchObject({ status: 0 });
    expect(run.said).toContain("src/index.ts changed since the last build");
    expect(readFileSync(join(dir, "build/index.js"), "utf8")).toContain("version = 2");
    expect(prestart()).toEqual({ status: 0, said: "" });
  });

  it("notices a deleted source through its folder", () => {
    settle();
    rmSync(join(dir, "src/extra.ts"));
    const run = prestart();
    expect(run).toMatchObject({ status: 0 });
    expect(run.said).toContain("src changed since the last build");
    // Nothing tsc compiles changed, yet the next start knows build/ is current.
    expect(prestart()).toEqual({ status: 0, said: "" });
  });

  it("compiles once after the installed dependencies changed, though tsc finds nothing to do", () => {
    settle();
    write("package-lock.json", "{}\n");
    const run = prestart();
    expect(run).toMatchObject({ status: 0 });
    expect(run.said).toContain("package-lock.json changed since the last build");
    expect(prestart()).toEqual({ status: 0, said: "" });
  });

  it("fails, so npm does not start a stale server, when the sources do not compile", () => {
    settle();
    write("src/index.ts", `export const version: number = "two";\n`);
    const run = prestart();
    expect(run.status).not.toBe(0);
    expect(run.said).toContain("TS2322");
  });
});
