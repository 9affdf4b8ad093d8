import type { Finding } from "../../domain/finding.js";
import { NOISY_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { median } from "../stats/median.js";
import { clampConfidence, rawStep, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { primarySeries } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof NOISY_DEFAULTS;

/**
 * Median over blocks of mean |residual| ÷ mean local level (level floored at a fraction of the
 * initial level). The mean, not the MAD, so heavy-tailed per-sample losses (batch size 1) count.
 */
export function noiseRatio(p: PreparedSeries, levelFloorFraction: number): number {
  const floor = p.positive ? levelFloorFraction * Math.abs(p.initialLevel) : 0;
  const ratios = new Float64Array(p.noise.length);
  for (let b = 0; b < p.noise.length; b++) {
    const from = b * p.noiseBlock;
    const to = b === p.noise.length - 1 ? p.length : from + p.noiseBlock;
    let residual = 0;
    let level = 0;
    for (let i = from; i < to; i++) {
      // Hot loop: plain comparisons instead of Math.abs/Math.max.
      const trend = p.trend[i] as number;
      const r = (p.bad[i] as number) - trend;
      residual += r < 0 ? -r : r;
      const magnitude = trend < 0 ? -trend : trend;
      level += magnitude > floor ? magnitude : floor > 1e-12 ? floor : 1e-12;
    }
    ratios[b] = residual / level;
  }
  return median(ratios);
}

function check(p: PreparedSeries, o: Options): Finding | null {
  if (p.length < o.minCoarsePoints) return null;
  const threshold = p.length >= o.minPoints ? o.minNoiseRatio : o.minCoarseNoiseRatio;
  const ratio = noiseRatio(p, o.levelFloorFraction);
  if (!(ratio >= threshold)) return null;
  return {
    id: "noisy",
    severity: "info",
    confidence: clampConfidence(0.5 + 0.49 * saturate(ratio / threshold - 1)),
    series: p.series.tag,
    fromStep: rawStep(p, 0),
    toStep: rawStep(p, p.length - 1),
    evidence: { noiseRatio: round4(ratio) },
    message: DETECTOR_MESSAGES.noisy({ series: p.series.tag, ratio }),
  };
}

/** `noisy`: high-frequency step-to-step noise that is large relative to the level (tiny batches). */
export const noisyDetector: Detector<Options> = {
  id: "noisy",
  defaults: NOISY_DEFAULTS,
  detect(context, options) {
    return primarySeries(context)
      .map((p) => check(p, options))
      .filter((f): f is Finding => f !== null);
  },
};
