import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { PROVIDER_MODULES } from "../../src/providers/index.js";

// The layout's rules, read from the sources: one-way dependencies (no import cycles, types
// included), a core that names no provider, and simulators outside the production import graph.
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return path.endsWith(ext) && !path.endsWith(".d.ts") ? [path] : [];
  });
}

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']/gm;
/**
 * Relative static imports of `file`, as absolute paths (`import()` is not one). In TypeScript
 * sources type-only imports count too; in the build they are gone, so what is left is what
 * Node loads.
 */
function importsOf(file: string, ext: ".ts" | ".js"): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(STATIC_IMPORT)].map(m => resolve(dirname(file), m[1]!.replace(/\.js$/, ext)));
}

/** Every cycle's members (strongly connected components of more than one file, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map(f => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const sources = [...filesUnder(join(ROOT, "src"), ".ts"), ...filesUnder(join(ROOT, "tools"), ".ts")];

describe("module boundaries", () => {
  it("has no import cycles among src/ and tools/, type-only imports included", () => {
    const graph = new Map(sources.map(f => [f, importsOf(f, ".ts")]));
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself)", () => {
    const a = join(ROOT, "a.ts");
    const b = join(ROOT, "b.ts");
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([["a.ts", "b.ts"]]);
  });

  it.each(PROVIDER_MODULES.map(m => [m.name, m.id.toLowerCase()] as const))(
    "names %s only in its own folder and the module list, among the server's sources",
    (_name, folder) => {
      const naming = filesUnder(join(ROOT, "src"), ".ts")
        .filter(f => !f.startsWith(join(ROOT, "src", "providers", folder) + "/"))
        .filter(f => readFileSync(f, "utf8").toLowerCase().includes(folder))
        .map(f => relative(ROOT, f));
      expect(naming).toEqual(["src/providers/index.ts"]);
    },
  );

  it.each(PROVIDER_MODULES.map(m => [m.name, m.id.toLowerCase()] as const))(
    "names %s only in tools/scenarios.ts among the tools",
    (_name, folder) => {
      const naming = filesUnder(join(ROOT, "tools"), ".ts")
        .filter(f => readFileSync(f, "utf8").toLowerCase().includes(folder))
        .map(f => relative(ROOT, f));
      expect(naming).toEqual(["tools/scenarios.ts"]);
    },
  );

  it("lets only the module list import a provider's folder, among the server's sources", () => {
    const folders = PROVIDER_MODULES.map(m => join(ROOT, "src", "providers", m.id.toLowerCase()) + "/");
    const importers = new Set<string>();
    for (const file of filesUnder(join(ROOT, "src"), ".ts")) {
      const own = folders.find(folder => file.startsWith(folder));
      for (const target of importsOf(file, ".ts")) {
        const folder = folders.find(f => target.startsWith(f));
        if (folder && folder !== own) importers.add(relative(ROOT, file));
      }
    }
    expect([...importers]).toEqual(["src/providers/index.ts"]);
  });

  it("keeps the core out of providers/: only the process entry imports the module list and hands it on", () => {
    const providers = join(ROOT, "src", "providers") + "/";
    const importers = new Set<string>();
    for (const file of filesUnder(join(ROOT, "src"), ".ts")) {
      if (file.startsWith(providers)) continue;
      if (importsOf(file, ".ts").some(target => target.startsWith(providers))) importers.add(relative(ROOT, file));
    }
    expect([...importers].sort()).toEqual(["src/index.ts"]);
  });

  it("finds the provider contract in src/contract/, which imports no provider and nothing of the request path", () => {
    const contract = filesUnder(join(ROOT, "src", "contract"), ".ts");
    expect(contract.map(f => relative(ROOT, f)).sort()).toEqual([
      "src/contract/account-source.ts",
      "src/contract/provider-facts.ts",
      "src/contract/provider-module.ts",
      "src/contract/provider-simulator.ts",
    ]);
    // provider-facts.ts is plain data any core file may import: it imports nothing.
    expect(importsOf(join(ROOT, "src", "contract", "provider-facts.ts"), ".ts")).toEqual([]);
  });
});

describe("the built server's static import graph", () => {
  // What `node build/index.js` loads before any dynamic import(): simulators must not be in it.
  const entry = join(ROOT, "build", "index.js");
  const reachable = new Set<string>();
  const walk = (file: string) => {
    if (reachable.has(file)) return;
    reachable.add(file);
    for (const next of importsOf(file, ".js")) walk(next);
  };
  walk(entry);
  const simulatorFiles = filesUnder(join(ROOT, "build"), ".js").filter(f => /\/simulators?\//.test(relative(ROOT, f)));

  it("reaches every module's resolvers but no simulator code", () => {
    const built = [...reachable].map(f => relative(ROOT, f));
    expect(built).toEqual(expect.arrayContaining(PROVIDER_MODULES.map(m => `build/providers/${m.id.toLowerCase()}/index.js`)));
    expect(simulatorFiles.length).toBeGreaterThan(PROVIDER_MODULES.length);
    expect(built.filter(f => /\/simulators?\//.test(f))).toEqual([]);
  });
});
