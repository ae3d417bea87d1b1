import { readFile, writeFile } from "node:fs/promises";
import { REPO_ROOT } from "./repo-paths.js";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { parse as parseYaml } from "yaml";

/** What `deploy/supergraph.yaml` says, in rover's `supergraph compose` config format. */
interface SupergraphConfig {
  federation_version?: string | number;
  subgraphs: Record<string, { routing_url: string; schema: { file?: string } }>;
}

/** The rover config and the output next to it, as the kustomization expects them. */
export const DEFAULT_CONFIG = join(REPO_ROOT, "deploy", "supergraph.yaml");

/**
 * Compose the supergraph the router serves from a rover-format config (`deploy/supergraph.yaml`)
 * with @apollo/composition, the library rover runs, pinned in package.json. Refuses a config whose
 * `federation_version` is not that version, and subgraphs given by anything but a schema `file`
 * (introspecting a running subgraph is rover's job, not this tool's). Throws with every
 * composition error, one per line.
 */
export async function composeSupergraph(configPath: string = DEFAULT_CONFIG): Promise<string> {
  const config = parseYaml(await readFile(configPath, "utf8")) as SupergraphConfig;
  const require = createRequire(import.meta.url);
  const { version } = require("@apollo/composition/package.json") as { version: string };
  const wanted = String(config.federation_version ?? "").replace(/^=/, "");
  if (wanted !== version) {
    throw new Error(`${configPath}: federation_version is "${config.federation_version}", but this tool composes with @apollo/composition ${version}; set federation_version: =${version}`);
  }
  const services = await Promise.all(
    Object.entries(config.subgraphs ?? {}).map(async ([name, subgraph]) => {
      if (!subgraph.schema?.file) throw new Error(`${configPath}: subgraph ${name} needs schema.file`);
      const sdl = await readFile(resolve(dirname(configPath), subgraph.schema.file), "utf8");
      return { name, url: subgraph.routing_url, typeDefs: parse(sdl) };
    }),
  );
  if (services.length === 0) throw new Error(`${configPath}: no subgraphs`);
  const result = composeServices(services);
  if (result.errors) throw new Error(`composition failed:\n  - ${result.errors.map(e => e.message).join("\n  - ")}`);
  return result.supergraphSdl;
}

// `npm run supergraph [-- --config deploy/supergraph.yaml --output deploy/supergraph.graphql]`
async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const configPath = resolve(option("--config") ?? DEFAULT_CONFIG);
  const output = resolve(option("--output") ?? resolve(dirname(configPath), "supergraph.graphql"));
  try {
    await writeFile(output, await composeSupergraph(configPath));
    process.stdout.write(`wrote ${output}\n`);
  } catch (error) {
    process.stderr.write(`account-graph supergraph: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
