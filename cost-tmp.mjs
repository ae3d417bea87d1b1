import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { checkListLimits } from "./build/limits/list-limits.js";
const text = readFileSync("test/operations/hostup.graphql", "utf8");
const d = parse(text);
for (const op of d.definitions.filter(x => x.kind === "OperationDefinition")) {
  const e = checkListLimits(d, op, {}, { maxListItems: 100, maxCost: 1 });
  console.log(op.name.value, e?.message.match(/found (\d+)/)[1]);
}
