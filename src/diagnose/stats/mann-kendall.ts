/** Result of the Mann–Kendall trend test. */
export interface MannKendall {
  /** Sum of sign(y[j] − y[i]) over pairs i < j. */
  s: number;
  /** Normal approximation with continuity correction; > 0 means an upward trend. 0 for n < 3. */
  z: number;
  /** Kendall's tau-a: s / (n(n−1)/2), in −1..1. */
  tau: number;
  n: number;
}

/**
 * Mann–Kendall monotonic-trend test on the finite values of `y` (in order). Scale-free and robust:
 * only the signs of differences count. Ties reduce the variance (tie correction). O(n²): call it on
 * decimated series. |z| ≥ 1.96 ≈ significant at 5 % (two-sided).
 */
export function mannKendall(y: ArrayLike<number>): MannKendall {
  const values: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const v = y[i] ?? Number.NaN;
    if (Number.isFinite(v)) values.push(v);
  }
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const vi = values[i] ?? 0;
    for (let j = i + 1; j < n; j++) s += Math.sign((values[j] ?? 0) - vi);
  }
  const pairs = (n * (n - 1)) / 2;
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm(values)) / 18;
  const z = n < 3 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, z, tau: pairs > 0 ? s / pairs : 0, n };
}

function tieTerm(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let term = 0;
  for (const t of counts.values()) if (t > 1) term += t * (t - 1) * (2 * t + 5);
  return term;
}
