import { quickselect } from "./quickselect.js";

/**
 * Median of the finite values in `values[from, to)`; NaN when there are none. Copies the slice, so
 * the input is untouched. O(n) expected (quickselect). Non-finite values are ignored.
 */
export function median(values: ArrayLike<number>, from = 0, to = values.length, scratch?: Float64Array): number {
  return quantile(values, 0.5, from, to, scratch);
}

/**
 * `p`-quantile (0..1, linear interpolation between order statistics, like numpy's default) of the
 * finite values in `values[from, to)`; NaN when there are none. `scratch` (at least `to - from` long)
 * saves the copy's allocation when one caller asks many times (a rolling median); its content is lost.
 */
export function quantile(values: ArrayLike<number>, p: number, from = 0, to = values.length, scratch?: Float64Array): number {
  const size = Math.max(0, to - from);
  const copy = scratch !== undefined && scratch.length >= size ? scratch : new Float64Array(size);
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = values[i] ?? Number.NaN;
    if (v - v === 0) copy[n++] = v; // finite: NaN and ±Inf give NaN
  }
  if (n === 0) return Number.NaN;
  const pos = Math.min(1, Math.max(0, p)) * (n - 1);
  const lower = Math.floor(pos);
  const low = quickselect(copy, lower, 0, n - 1);
  if (pos === lower) return low;
  let high = Number.POSITIVE_INFINITY;
  for (let i = lower + 1; i < n; i++) if ((copy[i] as number) < high) high = copy[i] as number;
  return low + (pos - lower) * (high - low);
}
