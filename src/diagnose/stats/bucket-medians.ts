import { median } from "./median.js";

function sampledMedian(values: ArrayLike<number>, from: number, to: number, maxSample: number): number {
  const stride = Math.floor((to - from) / maxSample);
  if (stride <= 1) return median(values, from, to);
  const sample = new Float64Array(Math.ceil((to - from) / stride));
  let count = 0;
  for (let i = from; i < to; i += stride) sample[count++] = values[i] ?? Number.NaN;
  return median(sample, 0, count);
}

/** A series decimated to at most `maxBuckets` contiguous, near-equal buckets. */
export interface Buckets {
  /** Median value of each bucket (non-finite values ignored). */
  values: Float64Array;
  /** Step at the middle of each bucket. */
  steps: Float64Array;
  /** Index of the first raw point of each bucket, plus a final entry = the raw length. */
  bounds: Int32Array;
}

/**
 * Splits `values[0, length)` into min(length, maxBuckets) contiguous buckets and keeps each bucket's
 * median: a robust, deterministic decimation (spikes do not move it) used before every O(n log n) or
 * O(n²) step. Linear in the length. Short series come back point for point. Buckets longer than
 * `maxSample` use the median of about that many evenly spaced points (deterministic, cheaper).
 */
export function bucketMedians(values: ArrayLike<number>, steps: ArrayLike<number>, maxBuckets: number, length = values.length, maxSample = 1024): Buckets {
  const count = Math.max(0, Math.min(length, Math.max(1, Math.floor(maxBuckets))));
  const bounds = new Int32Array(count + 1);
  for (let b = 0; b <= count; b++) bounds[b] = Math.floor((b * length) / count);
  const out = new Float64Array(count);
  const centers = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const from = bounds[b] ?? 0;
    const to = bounds[b + 1] ?? from;
    out[b] = to - from === 1 ? (values[from] ?? Number.NaN) : sampledMedian(values, from, to, maxSample);
    centers[b] = steps[(from + to - 1) >> 1] ?? Number.NaN;
  }
  return { values: out, steps: centers, bounds };
}
