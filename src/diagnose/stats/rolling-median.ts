import { median } from "./median.js";

/**
 * Centred rolling median with an odd `window` (shrunk symmetrically at the edges, so the first and
 * last points are their own medians). Non-finite values are ignored inside each window. O(n·w):
 * intended for short or decimated series; `localTrend` handles long ones in linear time.
 */
export function rollingMedian(values: ArrayLike<number>, window: number): Float64Array {
  const n = values.length;
  const half = Math.max(0, Math.floor(window / 2));
  const out = new Float64Array(n);
  const scratch = new Float64Array(Math.min(n, 2 * half + 1));
  for (let i = 0; i < n; i++) {
    const reach = Math.min(half, i, n - 1 - i);
    out[i] = median(values, i - reach, i + reach + 1, scratch);
  }
  return out;
}
