import { rollingMedian } from "./rolling-median.js";

export interface LocalTrendOptions {
  /** Rolling-median window (odd) used for series up to `shortLimit` points. */
  window: number;
  /** Longer series use medians of consecutive chunks of `chunk` points, linearly interpolated. */
  shortLimit: number;
  chunk: number;
}

/** Median of `values[from, to)` via insertion sort in `scratch` (chunks are small). NaN-free input. */
function chunkMedian(values: Float64Array, from: number, to: number, scratch: Float64Array): number {
  const n = to - from;
  for (let i = 0; i < n; i++) {
    const v = values[from + i] as number;
    let j = i - 1;
    while (j >= 0 && (scratch[j] as number) > v) {
      scratch[j + 1] = scratch[j] as number;
      j--;
    }
    scratch[j + 1] = v;
  }
  const half = n >> 1;
  return n % 2 === 1 ? (scratch[half] as number) : ((scratch[half - 1] as number) + (scratch[half] as number)) / 2;
}

/**
 * A robust local trend for every point, in linear time: a centred rolling median for short series,
 * interpolated chunk medians for long ones. Isolated spikes do not move it, so `value − trend` is
 * the high-frequency residual (minibatch noise plus spikes). Expects finite values (the finite prefix).
 */
export function localTrend(values: Float64Array, options: LocalTrendOptions): Float64Array {
  const n = values.length;
  if (n <= options.shortLimit) return rollingMedian(values, options.window);
  const chunk = Math.max(1, Math.floor(options.chunk));
  const count = Math.ceil(n / chunk);
  const medians = new Float64Array(count);
  const centers = new Float64Array(count);
  const scratch = new Float64Array(chunk);
  for (let c = 0; c < count; c++) {
    const from = c * chunk;
    const to = Math.min(n, from + chunk);
    medians[c] = chunkMedian(values, from, to, scratch);
    centers[c] = (from + to - 1) / 2;
  }
  const out = new Float64Array(n);
  let c = 0;
  for (let i = 0; i < n; i++) {
    while (c + 1 < count && (centers[c + 1] as number) <= i) c++;
    const x0 = centers[c] as number;
    const y0 = medians[c] as number;
    if (i <= x0 || c + 1 >= count) {
      out[i] = y0;
      continue;
    }
    const x1 = centers[c + 1] as number;
    out[i] = y0 + (((medians[c + 1] as number) - y0) * (i - x0)) / (x1 - x0);
  }
  return out;
}
