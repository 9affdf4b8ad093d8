import type { Series, SeriesRole } from "../../domain/series.js";
import type { TrainingRun } from "../../domain/run.js";

const MAIN_LOSS_TAG = /^((train|training|validation|val)[/_])?(epoch_)?loss$|^(val_|train_)?loss$/i;

/** The series of a role that best represents the run: the plain `loss`-named one if any, else the longest. */
export function pickSeries(run: TrainingRun, role: SeriesRole): Series | undefined {
  const candidates = run.series.filter((s) => s.role === role && s.values.length > 0);
  const named = candidates.find((s) => MAIN_LOSS_TAG.test(s.tag));
  if (named !== undefined) return named;
  return candidates.reduce<Series | undefined>((best, s) => (best === undefined || s.values.length > best.values.length ? s : best), undefined);
}

/** Accuracy-like validation (or, failing that, training) metric. */
export function pickAccuracy(run: TrainingRun): Series | undefined {
  const isAcc = (s: Series): boolean => s.direction === "higher" && /acc/i.test(s.tag);
  return run.series.find((s) => s.role === "val-metric" && isAcc(s)) ?? run.series.find((s) => s.role === "train-metric" && isAcc(s));
}

const cache = new WeakMap<Float64Array, Float64Array>();

/** Finite values of a series, in order (memoised per values array: series are immutable). */
export function finiteValues(series: Series | undefined): Float64Array {
  if (series === undefined) return new Float64Array(0);
  const cached = cache.get(series.values);
  if (cached !== undefined) return cached;
  const values = series.values;
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  const result = n === values.length ? out : out.slice(0, n);
  cache.set(series.values, result);
  return result;
}

/** Above this many values, medians are taken over an evenly strided sample (keeps cost linear). */
export const MEDIAN_SAMPLE = 20_000;

/** Median of a numeric array (NaN for an empty one); strided sample beyond MEDIAN_SAMPLE values. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  const stride = Math.max(1, Math.floor(values.length / MEDIAN_SAMPLE));
  const sample = new Float64Array(Math.ceil(values.length / stride));
  for (let i = 0, j = 0; i < values.length; i += stride, j++) sample[j] = values[i]!;
  const sorted = sample.sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of the last `fraction` of the values (at least one value). */
export function tailMedian(values: Float64Array, fraction: number): number {
  const count = Math.max(1, Math.ceil(values.length * fraction));
  return median(values.subarray(values.length - count));
}

/** Whether a series' values change (an LR schedule, warm-up or manual drops). */
export function varies(series: Series | undefined, relative = 1e-6): boolean {
  const values = finiteValues(series);
  if (values.length < 2) return false;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min > relative * Math.max(Math.abs(max), Number.MIN_VALUE);
}

/** Index of the first non-finite value, or -1. */
export function firstNonFinite(series: Series | undefined): number {
  if (series === undefined) return -1;
  for (let i = 0; i < series.values.length; i++) if (!Number.isFinite(series.values[i])) return i;
  return -1;
}
