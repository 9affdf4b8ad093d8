/** The single split that best explains `values` as two constant levels. */
export interface ChangePoint {
  /** First index of the second segment (1..n−1); −1 when n < 2. */
  index: number;
  meanBefore: number;
  meanAfter: number;
  /** Fraction of the total sum of squares removed by the split (0..1). */
  gain: number;
}

/**
 * Least-squares single change point in the mean (one CUSUM pass, O(n)). Finite values only; use it
 * on decimated series. Used to date sudden level shifts such as learning-rate drops.
 */
export function changePoint(values: ArrayLike<number>): ChangePoint {
  const y = Array.from({ length: values.length }, (_, i) => values[i] ?? Number.NaN).filter(Number.isFinite);
  const n = y.length;
  if (n < 2) return { index: -1, meanBefore: Number.NaN, meanAfter: Number.NaN, gain: 0 };
  const total = y.reduce((a, b) => a + b, 0);
  const mean = total / n;
  const sst = y.reduce((a, b) => a + (b - mean) ** 2, 0);
  let prefix = 0;
  let best = { index: 1, score: -1 };
  for (let k = 1; k < n; k++) {
    prefix += y[k - 1] ?? 0;
    const m1 = prefix / k;
    const m2 = (total - prefix) / (n - k);
    const score = k * (m1 - mean) ** 2 + (n - k) * (m2 - mean) ** 2;
    if (score > best.score) best = { index: k, score };
  }
  let before = 0;
  for (let i = 0; i < best.index; i++) before += y[i] ?? 0;
  return {
    index: best.index,
    meanBefore: before / best.index,
    meanAfter: (total - before) / (n - best.index),
    gain: sst > 0 ? best.score / sst : 0,
  };
}
