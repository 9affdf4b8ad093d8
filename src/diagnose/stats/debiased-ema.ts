/**
 * TensorBoard's scalar smoothing: exponential moving average with zero-debiasing, so the first
 * points are not pulled towards 0. `weight` in [0, 1): 0 = no smoothing, TensorBoard's default 0.6.
 * Non-finite inputs are passed through and do not update the average.
 */
export function debiasedEma(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  let last = 0;
  let debias = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * weight + (1 - weight) * v;
    debias = debias * weight + (1 - weight);
    out[i] = last / debias;
  }
  return out;
}
