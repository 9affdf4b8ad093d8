import type { Series } from "../../domain/series.js";
import type { PREPARE_DEFAULTS } from "../detector-options.js";
import { blockNoise } from "../stats/block-noise.js";
import { bucketMedians, type Buckets } from "../stats/bucket-medians.js";
import { localTrend } from "../stats/local-trend.js";
import { median } from "../stats/median.js";
import { rollingMedian } from "../stats/rolling-median.js";

export type PrepareOptions = typeof PREPARE_DEFAULTS;

/**
 * A series ready for the shape detectors. Everything is "badness": lower is better, so accuracy-like
 * metrics are flipped (1 − acc) and every detector is direction aware for free. Only the finite
 * prefix (before the first NaN/Inf) is analysed; the non-finite detector reports the rest.
 */
export interface PreparedSeries {
  series: Series;
  /** Index of the first non-finite value, −1 when all are finite. */
  firstNonFinite: number;
  /** Length of the analysed finite prefix. */
  length: number;
  /** Direction-normalised values of the prefix. */
  bad: Float64Array;
  /** True when `bad` is a non-negative quantity (loss, error, 1 − acc): ratios are meaningful. */
  positive: boolean;
  /** Maps a badness value back to the series' own units (undoes the flip of accuracy-like metrics). */
  toValue: (bad: number) => number;
  /** Robust local trend of `bad` (per point). */
  trend: Float64Array;
  /** Robust residual noise σ per block of `noiseBlock` points. */
  noise: Float64Array;
  noiseBlock: number;
  /** Bucket medians of `bad` (≤ maxAnalysisPoints) and their smooth version. */
  analysis: Buckets;
  smooth: Float64Array;
  /** Window (analysis points, odd) of `smooth`. */
  smoothWindow: number;
  /** The first value: the untrained model's level (an explosion can start at the second step). */
  initialLevel: number;
  /** Robust levels at the start and the end of the analysis series. */
  startLevel: number;
  endLevel: number;
}

function firstNonFiniteIndex(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v - v !== 0) return i; // NaN or ±Inf
  }
  return -1;
}

interface Badness {
  bad: Float64Array;
  positive: boolean;
  toValue: (bad: number) => number;
}

function toBadness(series: Series, length: number): Badness {
  const values = series.values.subarray(0, length);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (series.direction !== "higher") return { bad: values, positive: min >= 0, toValue: (x) => x };
  const cap = min >= 0 && max <= 1 ? 1 : min >= 0 && max <= 100 ? 100 : Number.NaN;
  if (Number.isNaN(cap)) return { bad: values.map((v) => -v), positive: false, toValue: (x) => -x };
  return { bad: values.map((v) => cap - v), positive: true, toValue: (x) => cap - x };
}

function oddWindow(length: number, fraction: number): number {
  const w = Math.max(3, Math.round(length * fraction));
  return w % 2 === 1 ? w : w + 1;
}

/** Prepares one series in linear time (all later O(n log n) work runs on `analysis`). */
export function prepareSeries(series: Series, options: PrepareOptions): PreparedSeries {
  const firstNonFinite = firstNonFiniteIndex(series.values);
  const length = firstNonFinite === -1 ? series.values.length : firstNonFinite;
  const { bad, positive, toValue } = toBadness(series, length);
  const trend = localTrend(bad, { window: options.trendWindow, shortLimit: options.shortLimit, chunk: options.trendChunk });
  // At most maxNoiseBlocks blocks: long series get longer blocks, each sampled at ≤ noiseBlock points.
  const noiseBlock = Math.min(Math.max(options.noiseBlock, Math.ceil(length / options.maxNoiseBlocks)), Math.max(1, length));
  const analysis = bucketMedians(bad, series.steps, options.maxAnalysisPoints, length);
  const smoothWindow = oddWindow(analysis.values.length, options.smoothFraction);
  const smooth = rollingMedian(analysis.values, smoothWindow);
  const edge = Math.max(1, Math.round(analysis.values.length * options.edgeFraction));
  return {
    series,
    firstNonFinite,
    length,
    bad,
    positive,
    toValue,
    trend,
    noise: blockNoise(bad, noiseBlock, options.noiseBlock, trend),
    noiseBlock,
    analysis,
    smooth,
    smoothWindow,
    initialLevel: bad[0] ?? Number.NaN,
    startLevel: median(analysis.values, 0, edge),
    endLevel: median(analysis.values, analysis.values.length - edge),
  };
}
