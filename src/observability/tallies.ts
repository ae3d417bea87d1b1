import { Counter, Histogram, type MetricObjectWithValues, type MetricValueWithName, type Registry } from "prom-client";

// prom-client checks and hashes the label object of every `inc()` and `observe()` (about a
// microsecond each, five per GraphQL request, plus the label objects the callers build): the
// request path's counters and histograms keep their counts here instead, by label values in one
// Map, and hand prom-client the totals when `/metrics` is scraped. prom-client still names,
// registers and formats them, so the exposition is the same as its own.

const SEPARATOR = "\u0000";

type Labels<L extends string> = Record<L, string>;

// The Map key of a label set: its values in `names` order (callers' label values are bounded
// names, codes and statuses, never NUL).
function keyOf<L extends string>(names: readonly L[], labels: Labels<L>): string {
  let key = labels[names[0]!] ?? "";
  for (let i = 1; i < names.length; i++) key += SEPARATOR + labels[names[i]!];
  return key;
}

// The label set kept for a new key: only the declared names, as prom-client would export them.
function copyOf<L extends string>(names: readonly L[], labels: Labels<L>): Labels<L> {
  const copy = {} as Labels<L>;
  for (const name of names) copy[name] = String(labels[name] ?? "");
  return copy;
}

interface MetricConfig<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  registry: Registry;
}

/** A counter whose `inc` is a Map lookup and an add; see the top of this file. */
export class TalliedCounter<L extends string> {
  private readonly totals = new Map<string, { labels: Labels<L>; value: number }>();
  private readonly names: readonly L[];

  constructor(config: MetricConfig<L>) {
    this.names = config.labelNames;
    new CounterExposition<L>(
      { name: config.name, help: config.help, labelNames: config.labelNames, registers: [config.registry] },
      () => [...this.totals.values()].map(({ labels, value }) => ({ labels, value })),
      () => this.totals.clear(),
    );
  }

  /** Add `by` (default 1) to the count of this label set. */
  inc(labels: Labels<L>, by = 1): void {
    const key = keyOf(this.names, labels);
    const total = this.totals.get(key);
    if (total) total.value += by;
    else this.totals.set(key, { labels: copyOf(this.names, labels), value: by });
  }
}

interface Distribution<L extends string> {
  labels: Labels<L>;
  /** Observations per bucket (not cumulative); the last slot is above the highest bound. */
  counts: number[];
  sum: number;
  count: number;
}

/** A histogram whose `observe` is a Map lookup and a bucket search; see the top of this file. */
export class TalliedHistogram<L extends string> {
  private readonly distributions = new Map<string, Distribution<L>>();
  private readonly names: readonly L[];
  private readonly bounds: readonly number[];

  constructor(config: MetricConfig<L> & { buckets: readonly number[] }) {
    this.names = config.labelNames;
    this.bounds = [...config.buckets].sort((a, b) => a - b);
    new HistogramExposition<L>(
      {
        name: config.name,
        help: config.help,
        labelNames: config.labelNames,
        buckets: [...this.bounds],
        registers: [config.registry],
      },
      () => this.values(config.name),
      () => this.distributions.clear(),
    );
  }

  /** Record `value` for this label set (a value that is not a finite number is ignored). */
  observe(labels: Labels<L>, value: number): void {
    if (!Number.isFinite(value)) return;
    const key = keyOf(this.names, labels);
    let distribution = this.distributions.get(key);
    if (!distribution) {
      distribution = { labels: copyOf(this.names, labels), counts: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
      this.distributions.set(key, distribution);
    }
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket += 1;
    distribution.counts[bucket]! += 1;
    distribution.sum += value;
    distribution.count += 1;
  }

  // prom-client's histogram series: cumulative `_bucket`s by `le` (then +Inf), `_sum`, `_count`.
  private values(name: string): MetricValueWithName<L>[] {
    const values: MetricValueWithName<L>[] = [];
    for (const { labels, counts, sum, count } of this.distributions.values()) {
      let cumulative = 0;
      this.bounds.forEach((le, i) => {
        cumulative += counts[i]!;
        values.push({ metricName: `${name}_bucket`, labels: { le, ...labels }, value: cumulative });
      });
      values.push({ metricName: `${name}_bucket`, labels: { le: "+Inf", ...labels }, value: count });
      values.push({ metricName: `${name}_sum`, labels: { ...labels }, value: sum });
      values.push({ metricName: `${name}_count`, labels: { ...labels }, value: count });
    }
    return values;
  }
}

// prom-client's Counter and Histogram as the registry sees them (name, help, type, reset), with
// their values read from the tallies; their own `inc` and `observe` are never called.

type Exposed<L extends string> = Promise<MetricObjectWithValues<MetricValueWithName<L>>>;

class CounterExposition<L extends string> extends Counter<L> {
  constructor(
    private readonly config: ConstructorParameters<typeof Counter<L>>[0],
    private readonly read: () => MetricValueWithName<L>[],
    private readonly clear: () => void,
  ) {
    super(config);
  }

  override async get(): Exposed<L> {
    return { name: this.config.name, help: this.config.help, type: "counter", aggregator: "sum", values: this.read() } as never;
  }

  // prom-client's constructor calls this too, before `clear` is set.
  override reset(): void {
    this.clear?.();
  }
}

class HistogramExposition<L extends string> extends Histogram<L> {
  constructor(
    private readonly config: ConstructorParameters<typeof Histogram<L>>[0],
    private readonly read: () => MetricValueWithName<L>[],
    private readonly clear: () => void,
  ) {
    super(config);
  }

  override async get(): Exposed<L> {
    return { name: this.config.name, help: this.config.help, type: "histogram", aggregator: "sum", values: this.read() } as never;
  }

  // The registry formats from this when a metric has it (prom-client's Histogram does).
  async getForPromString(): Exposed<L> {
    return this.get();
  }

  // As above.
  override reset(): void {
    this.clear?.();
  }
}
