import type { Finding } from "../../domain/finding.js";
import type { Series } from "../../domain/series.js";
import { DIVERGENCE_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatStep } from "../detector-messages.js";
import { mannKendall } from "../stats/mann-kendall.js";
import { longestRunAbove } from "../stats/longest-run-above.js";
import { median } from "../stats/median.js";
import { analysisStep, argMin, clampConfidence, lrAt, positionOf, rawStep, round4, saturate, stepRange, trendTestStart } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { primarySeries, trainValPairs } from "./select.js";
import type { Detector, DetectorContext } from "./types.js";

type Options = typeof DIVERGENCE_DEFAULTS;

function finding(p: PreparedSeries, startStep: number, ratio: number, explosive: boolean, confidence: number, message: string, lrRaised = false): Finding {
  return {
    id: "divergence",
    severity: explosive ? "error" : lrRaised ? "info" : "warning",
    confidence: clampConfidence(confidence),
    series: p.series.tag,
    fromStep: startStep,
    toStep: stepRange(p).last,
    evidence: { startStep, ratio: round4(ratio), position: round4(positionOf(p, startStep)), explosive, ...(lrRaised ? { lrRaised } : {}) },
    message,
  };
}

/**
 * The loss climbs to ≥ explodeRatio × its initial level and stays up: a run of consecutive points
 * above √explodeRatio × initial that is long enough (or ends the finite part of the series, i.e. the
 * loss went NaN/Inf from there). Bursts of outlier batches are short runs and do not count.
 */
function checkExplosive(p: PreparedSeries, o: Options): Finding | null {
  const reference = p.initialLevel;
  if (!p.positive || p.length < 2 || !(reference > 0)) return null;
  const run = longestRunAbove(p.bad, Math.sqrt(o.explodeRatio) * reference);
  const needed = Math.max(2, Math.min(o.sustainPoints, Math.ceil(o.sustainFraction * p.length)));
  const endsSeries = run.to === p.length && p.firstNonFinite !== -1;
  const ratio = median(p.bad, run.from, run.to) / reference;
  if (run.to - run.from < (endsSeries ? 1 : needed) || !(ratio >= o.explodeRatio)) return null;
  const step = rawStep(p, run.from);
  const message = DETECTOR_MESSAGES.divergenceExplosive({ series: p.series.tag, ratio, at: formatStep(step, p.series.stepUnit) });
  return finding(p, step, ratio, true, 0.6 + 0.4 * saturate(Math.log10(ratio / o.explodeRatio)), message);
}

/**
 * Coarse logs (one value per epoch): the first train value dwarfs the first validation value and
 * everything after it — the model blew up inside the first epoch and the average kept the damage.
 */
function checkEarlyBlowup(p: PreparedSeries, val: PreparedSeries | undefined, o: Options): Finding | null {
  if (val === undefined || !p.positive || p.length < 3) return null;
  const first = p.bad[0] ?? Number.NaN;
  const againstVal = first / (val.bad[0] ?? Number.NaN);
  const againstRest = first / median(p.bad, 1, p.length);
  // A blow-up the model recovered from is ordinary early learning (regression MSE starts huge);
  // one that left validation where it started means the weights were wrecked.
  const valRecovered = val.endLevel < o.minValRecovery * val.initialLevel;
  if (!(againstVal >= o.earlyBlowupRatio && againstRest >= o.earlyBlowupRatio) || valRecovered) return null;
  const step = rawStep(p, 0);
  const message = DETECTOR_MESSAGES.divergenceEarly({ series: p.series.tag, ratio: againstVal, at: formatStep(step, p.series.stepUnit) });
  return finding(p, step, againstVal, true, 0.5 + 0.4 * saturate(Math.log10(againstVal / o.earlyBlowupRatio)), message);
}

/**
 * After its best point the smooth curve rises significantly and gives back real progress. When the
 * logged learning rate went up over the same stretch (warm restart, cyclic or warm-up schedule) the
 * rise is expected: reported as info with `lrRaised`.
 */
function checkTrend(p: PreparedSeries, o: Options, lr: Series | undefined): Finding | null {
  const n = p.smooth.length;
  const best = argMin(p.smooth);
  const tail = n - best;
  if (best < 0 || tail < Math.max(o.minTailPoints, o.minTailFraction * n)) return null;
  const bestLevel = p.smooth[best] ?? Number.NaN;
  const rise = p.endLevel - bestLevel;
  const progress = Math.max(0, p.startLevel - bestLevel);
  const relative = p.positive && bestLevel > 0 ? rise / bestLevel : rise / Math.max(Math.abs(p.startLevel), 1e-12);
  const z = mannKendall(p.analysis.values.subarray(trendTestStart(p, best))).z;
  if (!(relative >= o.minRise && z >= o.minTrendZ && rise >= o.minRiseOfProgress * progress)) return null;
  const step = analysisStep(p, best);
  const lrRaised = lr !== undefined && lr.stepUnit === p.series.stepUnit && lrAt(lr, stepRange(p).last) >= o.lrRaiseRatio * lrAt(lr, step);
  const message = DETECTOR_MESSAGES.divergenceTrend({ series: p.series.tag, rise: relative, at: formatStep(step, p.series.stepUnit) });
  return finding(p, step, 1 + relative, false, 0.4 + 0.3 * saturate(z - o.minTrendZ) + 0.3 * saturate(relative - o.minRise), message, lrRaised);
}

function check(p: PreparedSeries, val: PreparedSeries | undefined, context: DetectorContext, o: Options): Finding | null {
  return checkExplosive(p, o) ?? checkEarlyBlowup(p, val, o) ?? checkTrend(p, o, context.learningRate);
}

/** `divergence`: the loss (or the logged gradient norm) explodes (error), or the loss trends up after its best point (warning). */
export const divergenceDetector: Detector<Options> = {
  id: "divergence",
  defaults: DIVERGENCE_DEFAULTS,
  detect(context, options) {
    const gradNorms = context.series.filter((p) => p.series.role === "grad-norm").map((p) => checkExplosive(p, options));
    // The first validation series paired with each train series (pairs found once, not once per series).
    const valOf = new Map<PreparedSeries, PreparedSeries>();
    for (const pair of trainValPairs(context)) if (!valOf.has(pair.train)) valOf.set(pair.train, pair.val);
    return [...primarySeries(context).map((p) => check(p, valOf.get(p), context, options)), ...gradNorms].filter((f): f is Finding => f !== null);
  },
};
