import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found from this file whether it runs as TypeScript (`tools/`, under jest)
 * or compiled (`build-tools/tools/`): the nearest folder up with a package.json.
 */
export const REPO_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("tools: no package.json above " + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
})();

/** The built server's entry point (`npm run build` writes it): what the tools start and measure. */
export const SERVER_ENTRY = join(REPO_ROOT, "build", "index.js");
