import { median } from "./median.js";

/**
 * Theil–Sen slope: the median of pairwise slopes (y[j] − y[i]) / (x[j] − x[i]) over finite pairs with
 * x[j] ≠ x[i]. Robust to up to ~29 % outliers. O(n²): call it on decimated series (≤ a few hundred
 * points). NaN when fewer than two usable points.
 */
export function theilSenSlope(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = x[i] ?? Number.NaN;
    const yi = y[i] ?? Number.NaN;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    for (let j = i + 1; j < n; j++) {
      const dx = (x[j] ?? Number.NaN) - xi;
      const dy = (y[j] ?? Number.NaN) - yi;
      if (dx !== 0 && Number.isFinite(dx) && Number.isFinite(dy)) slopes.push(dy / dx);
    }
  }
  return median(slopes);
}
