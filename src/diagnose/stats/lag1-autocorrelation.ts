/**
 * Lag-1 autocorrelation of the finite values (pairs with a non-finite member are skipped). ≈ 0 for
 * white noise, near 1 for slow swings, negative for zig-zag alternation. NaN for < 3 points or zero variance.
 */
export function lag1Autocorrelation(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  if (count < 3) return Number.NaN;
  const mean = sum / count;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] ?? Number.NaN) - mean;
    if (!Number.isFinite(d)) continue;
    denominator += d * d;
    const next = (values[i + 1] ?? Number.NaN) - mean;
    if (Number.isFinite(next)) numerator += d * next;
  }
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
