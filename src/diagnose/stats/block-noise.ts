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
  for (let i = 0; i < half; i++) lower = Math.max(lower, view[i] as number);
  return (lower + upper) / 2;
}

/**
 * Robust standard deviation (1.4826 × MAD) of `residuals` in consecutive blocks of `blockSize`
 * points (the last block absorbs a short remainder). Linear time, one scratch buffer. Blocks keep
 * the estimate local, because minibatch noise shrinks as the loss falls. Non-finite residuals are skipped.
 */
export function blockNoise(residuals: Float64Array, blockSize: number): Float64Array {
  const n = residuals.length;
  const size = Math.max(1, Math.floor(blockSize));
  const blocks = Math.max(1, Math.floor(n / size));
  const out = new Float64Array(blocks);
  const scratch = new Float64Array(Math.min(n, 2 * size));
  for (let b = 0; b < blocks; b++) {
    const from = b * size;
    const to = b === blocks - 1 ? n : from + size;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = residuals[i] as number;
      if (Number.isFinite(v)) scratch[count++] = v;
    }
    const center = medianInPlace(scratch, count);
    for (let i = 0; i < count; i++) scratch[i] = Math.abs((scratch[i] as number) - center);
    out[b] = MAD_TO_SIGMA * medianInPlace(scratch, count);
  }
  return out;
}
