/*
 * What `npm run bench` prints: raw lines (every round, every process) as the phases run, then one
 * table with each figure beside its target. Ratios are taken within the run: on a shared 2-core
 * box the absolute figures move between runs far more than the ratios do.
 */

/** Lines printed above the table: each round's figures, process facts, how busy the box was. */
export const raw: string[] = [];

/** The table: figure, target ("-" when it is information only), measured, PASS/MISS/FAIL/info. */
export const rows: Array<[figure: string, target: string, measured: string, result: string]> = [];

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
export const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");

/** A row with a target: MISS when not met, "n/a" when the figure could not be measured. */
export function targetRow(figure: string, target: string, value: number, ok: (v: number) => boolean, measured = fmt(value, 2)): void {
  rows.push([figure, target, measured, Number.isFinite(value) ? verdict(ok(value)) : "n/a"]);
}

/** A row without a target. */
export function infoRow(figure: string, measured: string): void {
  rows.push([figure, "-", measured, "info"]);
}

/** Every bad answer is a failure of the run, not a missed target. */
export function errorsRow(figure: string, bad: number, shown = String(bad)): void {
  rows.push([`non-2xx/errors ${figure}`, "0", shown, bad === 0 ? "PASS" : "FAIL"]);
}

export function printTable(): void {
  const header: [string, string, string, string] = ["figure", "target", "measured", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(`\n${raw.join("\n")}\n`);
  console.log(line(header));
  console.log(widths.map(w => "-".repeat(w)).join("-|-"));
  for (const row of rows) console.log(line(row));
}

export const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
