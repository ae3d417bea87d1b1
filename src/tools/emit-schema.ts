import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSubgraph } from "../schema.js";

// `npm run schema:emit`: the committed schema.graphql is exactly what the server serves.
const target = new URL("../../schema.graphql", import.meta.url);
await writeFile(target, printSubgraphSchema(await buildSubgraph()));
process.stdout.write(`wrote ${target.pathname}\n`);
