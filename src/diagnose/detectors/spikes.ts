import type { Finding } from "../../domain/finding.js";
import { DIVERGENCE_DEFAULTS, SPIKES_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatStep } from "../detector-messages.js";
import { longestRunAbove } from "../stats/longest-run-above.js";
import { median } from "../stats/median.js";
import { clampConfidence, rawStep, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { lossSeries } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof SPIKES_DEFAULTS;

interface Spike {
  index: number;
  score: number;
  /** Peak ÷ local level. */
  height: number;
}

/**
 * Robust z-score of point i's residual against its block's noise, when it is an upward outlier
 * (z ≥ minScore and ≥ minRelativeHeight above the trend); 0 otherwise. Hot loop: no allocation and
 * no `Math.*` calls (they are not inlined across realms, e.g. under jest's vm modules).
 */
function outlierScore(p: PreparedSeries, i: number, o: Options, floor: number): number {
  const trend = p.trend[i] as number;
  const residual = (p.bad[i] as number) - trend;
  const level = localLevel(trend, floor);
  if (residual < o.minRelativeHeight * level) return 0;
  const block = (i / p.noiseBlock) | 0;
  const sigma = p.noise[block < p.noise.length ? block : p.noise.length - 1] as number;
  const score = residual / (sigma > 1e-9 * level ? sigma : 1e-9 * level);
  return score >= o.minScore ? score : 0;
}

/** max(|trend|, floor, 1e-12) without Math calls. */
function localLevel(trend: number, floor: number): number {
  const magnitude = trend < 0 ? -trend : trend;
  const floored = magnitude > floor ? magnitude : floor;
  return floored > 1e-12 ? floored : 1e-12;
}

/**
 * End of a blow-up (the loss ≥ √10 × its first value for a while, the `divergence` detector's
 * territory), extended over its aftershocks (points above the threshold after gaps of at most
 * `maxWidth`): jumps inside it are the explosion, not isolated spikes. 0 when none.
 */
function blowupEnd(p: PreparedSeries, maxWidth: number): number {
  if (!p.positive || !(p.initialLevel > 0)) return 0;
  const ratio = DIVERGENCE_DEFAULTS.explodeRatio;
  const threshold = Math.sqrt(ratio) * p.initialLevel;
  const run = longestRunAbove(p.bad, threshold);
  if (run.to - run.from < 2 || median(p.bad, run.from, run.to) < ratio * p.initialLevel) return 0;
  let end = run.to;
  for (let i = end; i < p.length && i - end <= maxWidth; i++) if ((p.bad[i] as number) >= threshold) end = i + 1;
  return end;
}

/** Collects outliers and keeps runs no wider than maxWidth (wider runs are level shifts). */
export function findSpikes(p: PreparedSeries, o: Options): Spike[] {
  const floor = p.positive ? o.levelFloorFraction * Math.abs(p.initialLevel) : 0;
  const spikes: Spike[] = [];
  let run: Spike[] = [];
  const flush = (): void => {
    if (run.length > 0 && run.length <= o.maxWidth) {
      spikes.push(run.reduce((a, b) => (b.score > a.score ? b : a)));
    }
    run = [];
  };
  for (let i = blowupEnd(p, o.maxWidth); i < p.length; i++) {
    const score = outlierScore(p, i, o, floor);
    if (score === 0) {
      if (run.length > 0) flush();
      continue;
    }
    run.push({ index: i, score, height: (p.bad[i] as number) / localLevel(p.trend[i] as number, floor) });
  }
  flush();
  return spikes;
}

function check(p: PreparedSeries, o: Options): Finding | null {
  if (p.length < o.minPoints) return null;
  const spikes = findSpikes(p, o);
  if (spikes.length === 0) return null;
  const largest = spikes.reduce((a, b) => (b.height > a.height ? b : a));
  const maxScore = spikes.reduce((a, b) => Math.max(a, b.score), 0);
  const peak = p.bad[largest.index] ?? 0;
  const warn = p.positive && p.initialLevel > 0 && peak >= o.warnHeightRatio * p.initialLevel;
  if (p.length >= o.longSeriesPoints && spikes.length < o.minLongCount && !warn) return null;
  const step = rawStep(p, largest.index);
  return {
    id: "spikes",
    severity: warn ? "warning" : "info",
    confidence: clampConfidence(0.5 + 0.25 * saturate(Math.log10(maxScore / o.minScore)) + 0.24 * saturate(spikes.length / 3)),
    series: p.series.tag,
    fromStep: rawStep(p, spikes[0]?.index ?? 0),
    toStep: rawStep(p, spikes[spikes.length - 1]?.index ?? 0),
    evidence: { count: spikes.length, maxScore: round4(Math.min(maxScore, 1e9)), largestStep: step },
    message: DETECTOR_MESSAGES.spikes({ series: p.series.tag, count: spikes.length, height: largest.height, at: formatStep(step, p.series.stepUnit) }),
  };
}

/** `spikes`: isolated upward jumps far outside the local noise that come straight back down. */
export const spikesDetector: Detector<Options> = {
  id: "spikes",
  defaults: SPIKES_DEFAULTS,
  detect(context, options) {
    return lossSeries(context)
      .map((p) => check(p, options))
      .filter((f): f is Finding => f !== null);
  },
};
