/**
 * Median and quartiles of `values` by linear interpolation between closest ranks; NaN for each
 * when there are none. The bench reads round-to-round figures through these rather than means:
 * one round that a busy box slowed moves a mean, not a median.
 */
export function quartiles(values: readonly number[]): { median: number; q1: number; q3: number } {
  const sorted = [...values].sort((x, y) => x - y);
  if (sorted.length === 0) return { median: Number.NaN, q1: Number.NaN, q3: Number.NaN };
  const at = (q: number) => {
    const pos = (sorted.length - 1) * q;
    const low = Math.floor(pos);
    return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (pos - low);
  };
  return { median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

/**
 * A distribution-free confidence interval for the median of `values` (the order statistics whose
 * ranks a Binomial(n, 1/2) count falls between with at least `confidence`): how far the median of
 * a run's pairs could sit from the ratio the pairs are samples of, whatever the box's noise looks
 * like. With 20 values it spans the 6th to the 15th smallest (95.9 %), with 100 the 40th to the
 * 61st (96.5 %). NaN for both when there are too few values to reach `confidence` (fewer than 6
 * at 95 %).
 */
export function medianInterval(values: readonly number[], confidence = 0.95): { low: number; high: number } {
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  const tail = (1 - confidence) / 2;
  // P(count <= k) for Binomial(n, 1/2), built term by term: C(n, k+1) = C(n, k) (n - k) / (k + 1).
  let term = 2 ** -n;
  let below = 0;
  let k = 0;
  // The widest k with P(count <= k - 1) <= tail: the interval is the k-th to the (n - k + 1)-th.
  while (k < n && below + term <= tail) {
    below += term;
    term = (term * (n - k)) / (k + 1);
    k += 1;
  }
  if (k === 0) return { low: Number.NaN, high: Number.NaN };
  return { low: sorted[k - 1]!, high: sorted[n - k]! };
}
