import "reflect-metadata";
import { join } from "node:path";
import { REPO_ROOT } from "./repo-paths.js";
import { writeFile } from "node:fs/promises";
import { printSubgraphSchema } from "@apollo/subgraph";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { buildSubgraph } from "../src/schema.js";

// `npm run schema:emit`: the committed schema.graphql is exactly what the server serves.
const target = join(REPO_ROOT, "schema.graphql");
await writeFile(target, printSubgraphSchema(await buildSubgraph(PROVIDER_MODULES)));
process.stdout.write(`wrote ${target}\n`);
