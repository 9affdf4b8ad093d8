import { isFiniteValue } from "./finite.js";
/**
 * Debiased exponential moving average, as TensorBoard's scalar dashboard smooths curves
 * (tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts):
 *
 *   last = last·w + (1−w)·y;  n += 1;  smoothed = last / (1 − wⁿ)
 *
 * The debias term removes the pull towards 0 at the start of the run. Non-finite values are passed
 * through unchanged and do not enter the average, and a constant series is returned as is (both as
 * TensorBoard does). Pure and deterministic; `weight` in [0, 1) (0 = no smoothing).
 */
export function debiasedEma(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  const w = Math.min(Math.max(weight, 0), 1);
  if (isConstant(values) || w === 0) {
    for (let i = 0; i < values.length; i++) out[i] = values[i] ?? Number.NaN;
    return out;
  }
  let last = 0;
  let power = 1;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] ?? Number.NaN;
    if (!isFiniteValue(y)) {
      out[i] = y;
      continue;
    }
    last = last * w + (1 - w) * y;
    power *= w;
    out[i] = w === 1 ? last : last / (1 - power);
  }
  return out;
}

/** Defaults for {@link smoothingWeightFor}. */
export const SMOOTHING_DEFAULTS = {
  /** TensorBoard's default weight; also the lower bound for long series. */
  minWeight: 0.6,
  /** Upper bound, so even a 10M-point series keeps some shape. */
  maxWeight: 0.999,
  /** Effective EMA window as a fraction of the series length (window ≈ 1 / (1 − w)). */
  windowFraction: 0.01,
} as const;

/**
 * Smoothing weight for a series of `length` points: TensorBoard's 0.6 for short series, growing so
 * that the effective window is about 1 % of the run for long ones (a 100k-step run is smoothed over
 * ~1000 steps, where a fixed 0.6 would leave it as noisy as the raw line).
 */
export function smoothingWeightFor(length: number, options: Partial<typeof SMOOTHING_DEFAULTS> = {}): number {
  const o = { ...SMOOTHING_DEFAULTS, ...options };
  const window = Math.max(1, length * o.windowFraction);
  const weight = 1 - 1 / window;
  return Math.min(o.maxWeight, Math.max(o.minWeight, weight));
}

function isConstant(values: ArrayLike<number>): boolean {
  if (values.length === 0) return true;
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (!Object.is(values[i], first) && values[i] !== first) return false;
  return true;
}
