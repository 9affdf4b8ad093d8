import { median } from "./median.js";

/** Factor that makes the MAD a consistent estimator of the standard deviation for normal data. */
export const MAD_TO_SIGMA = 1.4826;

/**
 * Median absolute deviation from the median of the finite values in `values[from, to)`, unscaled.
 * Multiply by MAD_TO_SIGMA for a robust standard deviation. NaN when there are no finite values.
 */
export function mad(values: ArrayLike<number>, from = 0, to = values.length): number {
  const center = median(values, from, to);
  if (Number.isNaN(center)) return Number.NaN;
  const deviations = new Float64Array(Math.max(0, to - from));
  for (let i = from; i < to; i++) deviations[i - from] = Math.abs((values[i] ?? Number.NaN) - center);
  return median(deviations);
}
