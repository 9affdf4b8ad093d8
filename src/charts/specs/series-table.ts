import type { Series } from "../../domain/series.js";
import type { InlineData } from "vega-lite/types_unstable/data.js";
import { isFiniteValue } from "../finite.js";
import { downsampleIndices } from "../downsample.js";
import { debiasedEma, smoothingWeightFor } from "../ema.js";
import { csvData, formatStep, formatValue } from "./csv.js";

/** Range of the finite values that will be drawn. */
export interface ValueExtent {
  min: number;
  max: number;
  /** True when no finite value is ≤ 0 (a log scale is possible). */
  allPositive: boolean;
}

/** The first non-finite point of a series: vega-lite cannot draw it, so it is marked instead. */
export interface NonFinitePoint {
  tag: string;
  step: number;
  kind: "nan" | "inf";
  /** The last finite value before it, when there is one (where the marker sits on the curve). */
  lastFiniteValue: number | null;
  /** Last step of the series, when no finite value follows the first non-finite one (the run died there). */
  deadUntil: number | null;
}

/**
 * Data of one layered curve chart: columns i (series index), x (step), y (raw value, empty when the row
 * only carries a smoothed point), s (smoothed value, empty when not drawn at this row).
 */
export interface SeriesTable {
  data: InlineData;
  tags: string[];
  extent: ValueExtent | null;
  /** First and last step of the series (all points, finite or not); null when empty. */
  stepRange: [number, number] | null;
  nonFinite: NonFinitePoint[];
  /** Tags drawn with a smoothed line (long series); the others are drawn raw and strong. */
  smoothed: string[];
}

export interface SeriesTableOptions {
  pointBudget: number;
  smoothMinPoints: number;
  /** Points of the smoothed line (it needs fewer than the raw one). Default: `pointBudget`. */
  smoothPointBudget?: number;
  /** Smooth log(values) and draw exp(EMA) — a geometric EMA, for log axes where one explosion would otherwise drag the line for a whole window. */
  logSmoothing?: boolean;
  /** Steps to keep through downsampling, per tag (finding locations). */
  keepSteps?: ReadonlyMap<string, number[]>;
}

/**
 * Builds the inline data of a curve chart: smooths each series on all of its points (debiased EMA),
 * then downsamples to the point budget, dropping non-finite values and reporting the first one.
 */
export function buildSeriesTable(series: readonly Series[], options: SeriesTableOptions): SeriesTable {
  const rows: string[] = [];
  const nonFinite: NonFinitePoint[] = [];
  const smoothed: string[] = [];
  let extent: ValueExtent | null = null;
  series.forEach((s, index) => {
    const smooth = s.values.length >= options.smoothMinPoints;
    if (smooth) smoothed.push(s.tag);
    const ema = smooth ? smoothValues(s.values, options.logSmoothing === true) : null;
    const keepSteps = options.keepSteps?.get(s.tag) ?? [];
    const raw = downsampleIndices(s.steps, s.values, { pointBudget: options.pointBudget, keepSteps });
    const soft = ema === null ? [] : downsampleIndices(s.steps, ema, { pointBudget: options.smoothPointBudget ?? options.pointBudget });
    for (const [i, hasRaw, hasSmooth] of mergeIndices(raw, soft)) {
      const y = hasRaw ? (s.values[i] ?? Number.NaN) : Number.NaN;
      extent = widen(extent, y);
      const sv = hasSmooth && ema !== null ? formatValue(ema[i]) : "";
      rows.push(`${index},${formatStep(s.steps[i] ?? 0)},${formatValue(y)},${sv}`);
    }
    const bad = firstNonFinite(s);
    if (bad !== null) nonFinite.push(bad);
  });
  return { data: csvData(["i", "x", "y", "s"], rows), tags: series.map((s) => s.tag), extent, stepRange: stepRangeOf(series), nonFinite, smoothed };
}

/** First and last step over several series. */
export function stepRangeOf(series: readonly Series[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    if (s.steps.length === 0) continue;
    lo = Math.min(lo, s.steps[0] ?? lo);
    hi = Math.max(hi, s.steps[s.steps.length - 1] ?? hi);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Debiased EMA of the values, or of their logarithms (then exponentiated) for log axes. */
function smoothValues(values: Float64Array, logSpace: boolean): Float64Array {
  const weight = smoothingWeightFor(values.length);
  if (!logSpace) return debiasedEma(values, weight);
  const logs = values.map((v) => (v > 0 ? Math.log(v) : Number.NaN));
  return debiasedEma(logs, weight).map((v) => Math.exp(v));
}

/** Extent of every finite value of the series (before downsampling): decides the y scale. */
export function seriesExtent(series: readonly Series[]): ValueExtent | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!isFiniteValue(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max, allPositive: min > 0 } : null;
}

/** Sorted union of two sorted index lists, saying which list each index came from. */
function* mergeIndices(a: readonly number[], b: readonly number[]): Generator<[number, boolean, boolean]> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i] ?? Number.POSITIVE_INFINITY;
    const y = b[j] ?? Number.POSITIVE_INFINITY;
    if (x === y) {
      yield [x, true, true];
      i++;
      j++;
    } else if (x < y) {
      yield [x, true, false];
      i++;
    } else {
      yield [y, false, true];
      j++;
    }
  }
}

/** Widens an extent by a finite value. */
export function widen(extent: ValueExtent | null, value: number): ValueExtent | null {
  if (!isFiniteValue(value)) return extent;
  if (extent === null) return { min: value, max: value, allPositive: value > 0 };
  return { min: Math.min(extent.min, value), max: Math.max(extent.max, value), allPositive: extent.allPositive && value > 0 };
}

/** The first NaN/±Inf of a series with the last finite value before it, or null. */
export function firstNonFinite(series: Series): NonFinitePoint | null {
  let last: number | null = null;
  for (let i = 0; i < series.values.length; i++) {
    const v = series.values[i] ?? Number.NaN;
    if (isFiniteValue(v)) {
      last = v;
      continue;
    }
    let recovers = false;
    for (let j = i + 1; j < series.values.length && !recovers; j++) recovers = isFiniteValue(series.values[j]);
    const end = series.steps[series.steps.length - 1] ?? 0;
    return { tag: series.tag, step: series.steps[i] ?? 0, kind: Number.isNaN(v) ? "nan" : "inf", lastFiniteValue: last, deadUntil: recovers ? null : end };
  }
  return null;
}
