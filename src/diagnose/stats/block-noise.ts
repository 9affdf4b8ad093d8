import { MAD_TO_SIGMA } from "./mad.js";
import { quickselect } from "./quickselect.js";

/** Median of `scratch[0, n)` (reordered in place). */
function medianInPlace(scratch: Float64Array, n: number): number {
  if (n === 0) return Number.NaN;
  const view = scratch.subarray(0, n);
  const half = n >> 1;
  const upper = quickselect(view, half);
  if (n % 2 === 1) return upper;
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < half; i++) if ((view[i] as number) > lower) lower = view[i] as number;
  return (lower + upper) / 2;
}

/**
 * Robust standard deviation (1.4826 × MAD) of the residuals `values − trend` (trend omitted = 0) in
 * consecutive blocks of `blockSize` points (the last block absorbs a short remainder). Linear time,
 * one scratch buffer, no residual array. Blocks keep the estimate local, because minibatch noise
 * shrinks as the loss falls. Non-finite residuals are skipped. Blocks longer than `maxSample` are
 * estimated from about that many evenly spaced residuals.
 */
export function blockNoise(values: Float64Array, blockSize: number, maxSample = Number.POSITIVE_INFINITY, trend?: Float64Array): Float64Array {
  const n = values.length;
  const size = Math.max(1, Math.floor(blockSize));
  const blocks = Math.max(1, Math.floor(n / size));
  const out = new Float64Array(blocks);
  const scratch = new Float64Array(Math.min(n, 2 * size));
  for (let b = 0; b < blocks; b++) {
    const from = b * size;
    const to = b === blocks - 1 ? n : from + size;
    const stride = Math.max(1, Math.floor((to - from) / maxSample));
    let count = 0;
    for (let i = from; i < to; i += stride) {
      const v = (values[i] as number) - (trend === undefined ? 0 : (trend[i] as number));
      if (v - v === 0) scratch[count++] = v; // finite (NaN and ±Inf give NaN)
    }
    const center = medianInPlace(scratch, count);
    for (let i = 0; i < count; i++) {
      const d = (scratch[i] as number) - center;
      scratch[i] = d < 0 ? -d : d;
    }
    out[b] = MAD_TO_SIGMA * medianInPlace(scratch, count);
  }
  return out;
}
