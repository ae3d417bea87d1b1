import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { ConfigError } from "../config-error.js";

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
 * The manifest this process serves, read once at start: with `PERSISTED_QUERIES=only` the
 * configured file, whose problems stop the start as a {@link ConfigError} (the path itself was
 * checked with the other variables); otherwise the bundled file, if readable, for its operation
 * names only (they keep their own metrics labels).
 */
export function loadManifest(config: { persistedQueries: string; persistedQueryManifest: string }): PersistedQueryManifest | undefined {
  if (config.persistedQueries !== "only") {
    try {
      return readManifest(BUNDLED_MANIFEST_PATH);
    } catch {
      return undefined;
    }
  }
  try {
    return readManifest(config.persistedQueryManifest);
  } catch (error) {
    throw new ConfigError([`${manifestName(config.persistedQueryManifest)} ${(error as Error).message}`]);
  }
}

/** How problems with the manifest at `path` name it: the bundled file, or the configured one. */
export function manifestName(path: string): string {
  return path === BUNDLED_MANIFEST_PATH ? "the bundled persisted-query-manifest.json" : `PERSISTED_QUERY_MANIFEST "${path}"`;
}

/**
 * The manifest shipped with the server, built by `npm run manifest` from `operations/` with
 * Apollo's generator (persisted-query-manifest.config.json); `PERSISTED_QUERY_MANIFEST` replaces it.
 */
export const BUNDLED_MANIFEST_PATH = fileURLToPath(new URL("../../persisted-query-manifest.json", import.meta.url));

/**
 * Read and check a manifest file. Throws an Error whose message says what is wrong (for the
 * configuration error list): unreadable file, not JSON, not Apollo's format, or an operation whose
 * `id` is not the SHA-256 of its body. The server matches operations by that hash (as Apollo
 * Server does), so ids from a custom `createOperationId` could never be served.
 */
export function readManifest(path: string): PersistedQueryManifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("is not JSON");
  }
  const manifest = json as Partial<PersistedQueryManifest> | null;
  if (manifest?.format !== "apollo-persisted-query-manifest" || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error('is not an Apollo persisted query manifest ({"format": "apollo-persisted-query-manifest", "version": 1, "operations": [...]})');
  }
  manifest.operations.forEach((op: Partial<ManifestOperation> | null, index) => {
    const where = `operation ${index}${typeof op?.name === "string" ? ` (${op.name})` : ""}`;
    if (typeof op?.id !== "string" || typeof op.body !== "string" || typeof op.name !== "string") {
      throw new Error(`${where} needs string "id", "name" and "body"`);
    }
    try {
      parse(op.body);
    } catch (error) {
      throw new Error(`${where}: body is not GraphQL (${(error as Error).message})`);
    }
    if (op.id !== sha256(op.body)) throw new Error(`${where}: id is not the SHA-256 of its body`);
  });
  if (manifest.operations.length === 0) throw new Error("lists no operations");
  return manifest as PersistedQueryManifest;
}
