import type { Finding } from "../../domain/finding.js";
import { OSCILLATION_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { lag1Autocorrelation } from "../stats/lag1-autocorrelation.js";
import { median } from "../stats/median.js";
import { rollingMedian } from "../stats/rolling-median.js";
import { analysisStep, clampConfidence, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { lossSeries } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof OSCILLATION_DEFAULTS;

/** Swing measures of the analysis series around a wide rolling-median trend. */
export function measureSwings(p: PreparedSeries, levelFloorFraction: number, persistencePoints = 50): { amplitudeRatio: number; swings: number; persistence: number } {
  const y = p.analysis.values;
  const n = y.length;
  const window = Math.max(5, 2 * Math.round(n * 0.1) + 1);
  const trend = rollingMedian(y, window);
  const floor = p.positive ? levelFloorFraction * Math.abs(p.initialLevel) : 0;
  const relative = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const level = Math.max(Math.abs(trend[i] ?? 0), floor, 1e-12);
    relative[i] = Math.abs((y[i] ?? 0) - (trend[i] ?? 0)) / level;
  }
  const amplitudeRatio = relative.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const deviations = relative.map((r, i) => r * Math.max(Math.abs(trend[i] ?? 0), floor, 1e-12));
  const threshold = median(deviations);
  let swings = 0;
  for (let i = 1; i + 1 < n; i++) {
    const before = (y[i] ?? 0) - (y[i - 1] ?? 0);
    const after = (y[i + 1] ?? 0) - (y[i] ?? 0);
    if (Math.sign(before) !== Math.sign(after) && Math.abs(before) > threshold && Math.abs(after) > threshold) swings++;
  }
  const residuals = y.map((v, i) => v - (trend[i] ?? 0));
  return { amplitudeRatio, swings, persistence: swingPersistence(p, residuals, persistencePoints) };
}

/**
 * Lag-1 autocorrelation of the residuals for long or decimated series; +∞ for short per-epoch
 * curves, where every reversal is already an epoch-scale swing (AUTOTRAINER-style rule).
 */
function swingPersistence(p: PreparedSeries, residuals: Float64Array, minPoints: number): number {
  const bucket = p.length / Math.max(1, p.analysis.values.length);
  return bucket < 2 && residuals.length < minPoints ? Number.POSITIVE_INFINITY : lag1Autocorrelation(residuals);
}

function check(p: PreparedSeries, o: Options, floorFraction: number): Finding | null {
  const n = p.analysis.values.length;
  if (n < o.minPoints) return null;
  const { amplitudeRatio, swings, persistence } = measureSwings(p, floorFraction, o.persistencePoints);
  const rate = (swings / n) * 10;
  if (!(amplitudeRatio >= o.minAmplitudeRatio && rate >= o.minSwingsPer10 && persistence >= o.minLag1Autocorrelation)) return null;
  const confidence = 0.4 + 0.3 * saturate(amplitudeRatio / o.minAmplitudeRatio - 1) + 0.3 * saturate(rate / o.minSwingsPer10 - 1);
  return {
    id: "oscillation",
    severity: "warning",
    confidence: clampConfidence(confidence),
    series: p.series.tag,
    fromStep: analysisStep(p, 0),
    toStep: analysisStep(p, n - 1),
    evidence: { amplitudeRatio: round4(amplitudeRatio), swings },
    message: DETECTOR_MESSAGES.oscillation({ series: p.series.tag, amplitude: amplitudeRatio, swings }),
  };
}

/** `oscillation`: large, repeated swings of the (decimated) curve around its smooth trend. */
export const oscillationDetector: Detector<Options> = {
  id: "oscillation",
  defaults: OSCILLATION_DEFAULTS,
  detect(context, options) {
    return lossSeries(context)
      .map((p) => check(p, options, options.levelFloorFraction))
      .filter((f): f is Finding => f !== null);
  },
};
