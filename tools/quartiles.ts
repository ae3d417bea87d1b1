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
