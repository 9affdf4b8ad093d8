import type { ValueExtent } from "./series-table.js";

/** The y scale a chart should use. */
export type YScaleType = "linear" | "log" | "symlog";

/**
 * Log when every value is positive and max/min ≥ `minRatio` (a loss falling from 2.3 to 1e-4, or a
 * divergence to 1e12, is unreadable on a linear axis); symlog when the values span as many decades
 * but include zero or negatives; linear otherwise.
 */
export function chooseYScale(extent: ValueExtent | null, minRatio: number): YScaleType {
  if (extent === null) return "linear";
  if (extent.allPositive) return extent.max / extent.min >= minRatio ? "log" : "linear";
  const magnitude = Math.max(Math.abs(extent.min), Math.abs(extent.max));
  const smallest = smallestNonZero(extent);
  return smallest > 0 && magnitude / smallest >= minRatio * minRatio ? "symlog" : "linear";
}

function smallestNonZero(extent: ValueExtent): number {
  const candidates = [Math.abs(extent.min), Math.abs(extent.max)].filter((v) => v > 0);
  return candidates.length === 0 ? 0 : Math.min(...candidates);
}

/** vega-lite scale properties for a y scale type (linear axes do not start at zero: losses rarely reach it). */
export function yScale(type: YScaleType): { type: YScaleType; zero?: boolean; nice?: boolean } {
  return type === "linear" ? { type, zero: false } : { type };
}

/** Ticks asked of a log axis: few enough that several decades get only powers of ten (no forest of minor grid lines). */
export const LOG_TICK_COUNT = 2;

/** Axis settings for a y scale type: compact `.3~g` labels (1e+24, 0.001) and sparse ticks on log axes. */
export function yAxisFormat(type: YScaleType): { format?: string; tickCount?: number } {
  return type === "linear" ? {} : { format: ".3~g", tickCount: LOG_TICK_COUNT };
}

/** A scale with a single value (one point, or a flat series) is padded by this share of the value (1 when it is 0). */
export const SINGLE_VALUE_PADDING = 0.1;
/** Label format of that one tick: a few significant digits, not vega's 6 decimals of a zero-width domain. */
const SINGLE_VALUE_FORMAT = ".4~g";

/**
 * Scale and axis for a field whose values are all one number `value`: a padded domain around it and
 * one tick on it. vega would otherwise draw a zero-width domain with labels like "0.000000".
 */
export function singleValueAxis(value: number): { scale: { domain: [number, number] }; axis: { values: number[]; format: string } } {
  const pad = value === 0 ? 1 : Math.abs(value) * SINGLE_VALUE_PADDING;
  return { scale: { domain: [value - pad, value + pad] }, axis: { values: [value], format: SINGLE_VALUE_FORMAT } };
}
