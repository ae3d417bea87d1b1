import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { Kind, parse, print, type DefinitionNode, type FragmentDefinitionNode, visit } from "graphql";

/** One trusted operation; `id` is the SHA-256 of `body`, the hash clients send. */
export interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** Apollo's persisted query manifest format (as `@apollo/generate-persisted-query-manifest` writes it). */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: ManifestOperation[];
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Build the manifest from the `.graphql` files in `dir`: one entry per named operation, with the
 * fragments it uses, printed canonically. Sorted by name so the output is stable.
 */
export async function buildManifest(dir: string): Promise<PersistedQueryManifest> {
  const files = (await readdir(dir)).filter(f => f.endsWith(".graphql")).sort();
  const definitions: DefinitionNode[] = [];
  for (const file of files) definitions.push(...parse(await readFile(join(dir, file), "utf8")).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const operations: ManifestOperation[] = [];
  for (const d of definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!d.name) throw new Error(`${dir}: every operation needs a name`);
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (fragment && !used.has(fragment.name.value)) {
            used.set(fragment.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(d);
    const body = print({ kind: Kind.DOCUMENT, definitions: [d, ...used.values()] });
    operations.push({ id: sha256(body), name: d.name.value, type: d.operation, body });
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

/** The committed manifest, next to `package.json`. */
export const MANIFEST_URL = new URL("../../persisted-query-manifest.json", import.meta.url);

/** Read the committed manifest. */
export async function loadManifest(url: URL = MANIFEST_URL): Promise<PersistedQueryManifest> {
  return JSON.parse(await readFile(url, "utf8")) as PersistedQueryManifest;
}
