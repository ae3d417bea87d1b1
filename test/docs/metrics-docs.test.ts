import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { IDEMPOTENCY_OUTCOMES, REFUSAL_REASONS, createMetrics } from "../../src/observability/metrics.js";

const operations = readFileSync(new URL("../../docs/operations.md", import.meta.url), "utf8");

// The description cell of `metric`'s row in operations.md's metrics table (| name | labels | what |).
function docRow(metric: string): string {
  const row = operations.split("\n").find(line => line.startsWith(`| \`${metric}\` |`));
  expect(row).toBeDefined();
  return row!.split(" | ").slice(2).join(" | ");
}

// The label values are one table each in src/observability/metrics.ts; the operators' table and
// the metric's own help text must name every one.
describe.each([
  ["account_graph_refused_requests_total", REFUSAL_REASONS],
  ["account_graph_idempotent_mutations_total", IDEMPOTENCY_OUTCOMES],
])("%s", (metric, table) => {
  const values = Object.keys(table);

  it("is documented with every label value", () => {
    const row = docRow(metric);
    expect(values.filter(value => !row.includes(`\`${value}\``))).toEqual([]);
    // No value the code cannot produce: every backquoted lower-case label in the row is one.
    const named = [...row.matchAll(/`([a-z][a-z_]*)`/g)].map(m => m[1]!);
    expect(named.filter(name => !values.includes(name))).toEqual([]);
  });

  it("names every label value in its help text", async () => {
    const exposition = await createMetrics().registry.metrics();
    const help = exposition.split("\n").find(line => line.startsWith(`# HELP ${metric} `));
    expect(help).toBeDefined();
    expect(values.filter(value => !help!.includes(`${value} (`))).toEqual([]);
  });
});
