/**
 * Finds the period of a repeating pattern when nobody told us the epoch length: the lag h that
 * minimises the mean absolute difference |y[i+h] − y[i]| (a robust variogram). A pattern that repeats
 * every P points cancels at h = P (and its multiples), leaving only noise and a little trend drift;
 * at other lags the pattern adds to the difference. Works on a contiguous central window of at most
 * `maxPoints` points, lags `minLag..window/minCycles`: O(maxPoints × maxLag), bounded.
 */
export interface PeriodSearch {
  period: number;
  /** 1 − d(period) ÷ median over lags of d(lag): 0 = no lag stands out, → 1 = a clean repeat. */
  contrast: number;
}

export function searchPeriod(at: (i: number) => number, length: number, minLag: number, minCycles: number, maxPoints = 4096): PeriodSearch | null {
  const m = Math.min(length, maxPoints);
  const maxLag = Math.floor(m / minCycles);
  if (maxLag < minLag) return null;
  const start = (length - m) >> 1;
  const y = Float64Array.from({ length: m }, (_, i) => at(start + i));
  const d = new Float64Array(maxLag - minLag + 1);
  for (let h = minLag; h <= maxLag; h++) {
    let sum = 0;
    for (let i = 0; i + h < m; i++) {
      const diff = (y[i + h] as number) - (y[i] as number);
      sum += diff < 0 ? -diff : diff;
    }
    d[h - minLag] = sum / (m - h);
  }
  let best = 0;
  for (let k = 1; k < d.length; k++) if ((d[k] as number) < (d[best] as number)) best = k;
  // The fundamental: the smallest lag within 5 % of the best (multiples of the period score alike).
  for (let k = 0; k < best; k++) {
    if ((d[k] as number) <= 1.05 * (d[best] as number)) {
      best = k;
      break;
    }
  }
  const sorted = Float64Array.from(d).sort();
  const typical = sorted[sorted.length >> 1] as number;
  return { period: best + minLag, contrast: typical > 0 ? 1 - (d[best] as number) / typical : 0 };
}
