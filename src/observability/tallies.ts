import { Counter, Histogram, type MetricObjectWithValues, type MetricValueWithName, type Registry } from "prom-client";

// prom-client checks and hashes the label object of every `inc()` and `observe()` (about a
// microsecond each, five per GraphQL request, plus the label objects the callers build): the
// request path's counters and histograms keep their counts here instead, in Maps by label
// values, and hand prom-client the totals when `/metrics` is scraped. prom-client still names,
// registers and formats them, so the exposition is the same as its own.

type Labels<L extends string> = Record<L, string>;

// Entries by label values, one Map level per label in `labelNames` order: a lookup builds no key
// string (callers' label values are bounded names, codes and statuses).
class ByLabels<L extends string, E> {
  private readonly root = new Map<string, unknown>();
  readonly entries: E[] = [];

  constructor(private readonly names: readonly L[]) {}

  /** The entry of this label set, made by `create` the first time. */
  get(labels: Labels<L>, create: (labels: Labels<L>) => E): E {
    const { names } = this;
    let level = this.root;
    const last = names.length - 1;
    for (let i = 0; i < last; i++) {
      const value = labels[names[i]!];
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (!next) level.set(value, (next = new Map()));
      level = next;
    }
    const value = last < 0 ? "" : labels[names[last]!];
    let entry = level.get(value) as E | undefined;
    if (!entry) {
      entry = create(copyOf(names, labels));
      level.set(value, entry);
      this.entries.push(entry);
    }
    return entry;
  }

  clear(): void {
    this.root.clear();
    this.entries.length = 0;
  }
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

const newTotal = <L extends string>(labels: Labels<L>) => ({ labels, value: 0 });

/** A counter whose `inc` is a Map lookup per label and an add; see the top of this file. */
export class TalliedCounter<L extends string> {
  private readonly totals: ByLabels<L, { labels: Labels<L>; value: number }>;

  constructor(config: MetricConfig<L>) {
    this.totals = new ByLabels(config.labelNames);
    new CounterExposition<L>(
      { name: config.name, help: config.help, labelNames: config.labelNames, registers: [config.registry] },
      () => this.totals.entries.map(({ labels, value }) => ({ labels, value })),
      () => this.totals.clear(),
    );
  }

  /** Add `by` (default 1) to the count of this label set. */
  inc(labels: Labels<L>, by = 1): void {
    this.totals.get(labels, newTotal).value += by;
  }
}

interface Distribution<L extends string> {
  labels: Labels<L>;
  /** Observations per bucket (not cumulative); the last slot is above the highest bound. */
  counts: number[];
  sum: number;
  count: number;
}

/** A histogram whose `observe` is a Map lookup per label and a bucket search; see the top of this file. */
export class TalliedHistogram<L extends string> {
  private readonly distributions: ByLabels<L, Distribution<L>>;
  private readonly bounds: readonly number[];

  constructor(config: MetricConfig<L> & { buckets: readonly number[] }) {
    this.distributions = new ByLabels(config.labelNames);
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
    const distribution = this.distributions.get(labels, this.newDistribution);
    let bucket = 0;
    while (bucket < this.bounds.length && value > this.bounds[bucket]!) bucket += 1;
    distribution.counts[bucket]! += 1;
    distribution.sum += value;
    distribution.count += 1;
  }

  private readonly newDistribution = (labels: Labels<L>): Distribution<L> => ({
    labels,
    counts: new Array<number>(this.bounds.length + 1).fill(0),
    sum: 0,
    count: 0,
  });

  // prom-client's histogram series: cumulative `_bucket`s by `le` (then +Inf), `_sum`, `_count`.
  private values(name: string): MetricValueWithName<L>[] {
    const values: MetricValueWithName<L>[] = [];
    for (const { labels, counts, sum, count } of this.distributions.entries) {
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
