// `npm start`'s build step: compile the server into build/ only when something it is built from
// changed since the last build, so a second start goes straight to `node build/index.js`.
// tsc itself is incremental (`tsc -b`, build/.tsbuildinfo): it recompiles only what changed.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const CONFIG = "tsconfig.build.json";
// What the build reads besides src/: the compiler options and the installed dependencies' types.
const INPUTS = ["src", CONFIG, "tsconfig.json", "package-lock.json"];
const STAMP = join("build", ".tsbuildinfo");

/** Why build/ is not current (a sentence), or undefined when it is. */
function staleBecause() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return "first start: compiling the server into build/ (10-30 s)";
  }
  for (const input of INPUTS) {
    const changed = newerThan(input, built);
    if (changed) return `${changed} changed since the last build: compiling what changed`;
  }
  return undefined;
}

// The first path under `path` modified after `time`. Directories count too (after their files,
// which say more): deleting or renaming a file changes its directory, not any file left.
function newerThan(path, time) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) {
      const changed = newerThan(join(path, entry), time);
      if (changed) return changed;
    }
  }
  return stat.mtimeMs > time ? path : undefined;
}

const reason = staleBecause();
if (reason) {
  process.stderr.write(`account-graph: ${reason}...\n`);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const { status } = spawnSync(process.execPath, [tsc, "-b", CONFIG], { stdio: "inherit" });
  // tsc leaves its stamp alone when no input of its own changed (package-lock.json, a folder):
  // date it now, or every start would compile again.
  if (status === 0) utimesSync(STAMP, new Date(), new Date());
  process.exitCode = status ?? 1;
}
