import type { Series } from "../../domain/series.js";
import type { PreparedSeries } from "./prepare-series.js";

/** Confidence kept inside (0, 1) and rounded to 0.01 so goldens stay stable. */
export function clampConfidence(value: number): number {
  const clamped = Math.min(0.99, Math.max(0.05, Number.isFinite(value) ? value : 0.05));
  return Math.round(clamped * 100) / 100;
}

/** 1 − e^(−x): maps "how far past the threshold" (x ≥ 0) to 0..1. */
export function saturate(x: number): number {
  return 1 - Math.exp(-Math.max(0, x));
}

/** Step of raw point `index` (clamped to the series). */
export function rawStep(p: PreparedSeries, index: number): number {
  const steps = p.series.steps;
  return steps[Math.min(Math.max(0, index), steps.length - 1)] ?? Number.NaN;
}

/** First and last step of the series. */
export function stepRange(p: PreparedSeries): { first: number; last: number } {
  return { first: rawStep(p, 0), last: rawStep(p, p.series.steps.length - 1) };
}

/** Position (0..1) of a step within the series' step range. */
export function positionOf(p: PreparedSeries, step: number): number {
  const { first, last } = stepRange(p);
  return last > first ? Math.min(1, Math.max(0, (step - first) / (last - first))) : 0;
}

/** Step of analysis point `index`. */
export function analysisStep(p: PreparedSeries, index: number): number {
  const steps = p.analysis.steps;
  return steps[Math.min(Math.max(0, index), steps.length - 1)] ?? Number.NaN;
}

/** Index of the smallest finite value (first one on ties); −1 when none. */
export function argMin(values: ArrayLike<number>, from = 0): number {
  let best = -1;
  for (let i = from; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isFinite(v) && (best === -1 || v < (values[best] ?? Number.NaN))) best = i;
  }
  return best;
}

/** Smooth level of `p` at `step` (nearest analysis point at or before it). */
export function levelAtStep(p: PreparedSeries, step: number): number {
  const steps = p.analysis.steps;
  let index = 0;
  while (index + 1 < steps.length && (steps[index + 1] ?? Number.POSITIVE_INFINITY) <= step) index++;
  return p.smooth[index] ?? Number.NaN;
}

/** Rounds evidence numbers to 4 significant digits (stable goldens, readable JSON). */
export function round4(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
}

/**
 * Where a trend test after the smooth curve's minimum `best` may start: past the half window the
 * minimum was chosen from, so selecting the lowest point does not bias the test towards "rising".
 */
export function trendTestStart(p: PreparedSeries, best: number): number {
  return Math.min(best + (p.smoothWindow >> 1) + 1, p.analysis.values.length - 1);
}

/** Learning rate in effect at `step`: the last value logged at or before it (the first one before any). */
export function lrAt(lr: Series, step: number): number {
  let value = lr.values[0] ?? Number.NaN;
  for (let i = 0; i < lr.steps.length && (lr.steps[i] ?? Number.POSITIVE_INFINITY) <= step; i++) value = lr.values[i] ?? value;
  return value;
}
