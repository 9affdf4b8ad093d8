import type { Finding } from "../../domain/finding.js";
import { OVERFITTING_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatStep } from "../detector-messages.js";
import { mannKendall } from "../stats/mann-kendall.js";
import { analysisStep, argMin, clampConfidence, levelAtStep, round4, saturate } from "./finding-helpers.js";
import { trainValPairs, type SeriesPair } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof OVERFITTING_DEFAULTS;

function check({ train, val }: SeriesPair, o: Options): Finding | null {
  const n = val.smooth.length;
  const best = argMin(val.smooth);
  const tail = n - 1 - best;
  if (best < 0 || tail < Math.max(o.minTailPoints, o.minTailFraction * n) || !val.positive) return null;
  const bestLevel = val.smooth[best] ?? Number.NaN;
  const valIncrease = bestLevel > 0 ? (val.endLevel - bestLevel) / bestLevel : 0;
  const bestStep = analysisStep(val, best);
  const trainAtBest = levelAtStep(train, bestStep);
  const trainDecrease = trainAtBest > 0 ? (trainAtBest - train.endLevel) / trainAtBest : 0;
  // Unlike `divergence`, the test includes the best point: validation curves are short (one point per
  // epoch) and the smoothed ≥ minValIncrease rise already guards against a lucky minimum.
  const z = mannKendall(val.analysis.values.subarray(best)).z;
  const rises = (valIncrease >= o.minValIncrease && z >= o.minTrendZ) || (valIncrease >= o.minCreepIncrease && z >= o.minCreepTrendZ && trainDecrease >= valIncrease);
  if (!(rises && trainDecrease > 0)) return null;
  const confidence = 0.45 + 0.3 * saturate((valIncrease - o.minCreepIncrease) * 5) + 0.24 * saturate(z - o.minTrendZ);
  return {
    id: "overfitting",
    severity: valIncrease >= o.warnValIncrease ? "warning" : "info",
    confidence: clampConfidence(confidence),
    series: val.series.tag,
    fromStep: bestStep,
    toStep: analysisStep(val, n - 1),
    evidence: {
      bestStep,
      bestValue: round4(val.toValue(bestLevel)),
      finalValue: round4(val.toValue(val.endLevel)),
      valIncrease: round4(valIncrease),
      trainDecrease: round4(trainDecrease),
    },
    message: DETECTOR_MESSAGES.overfitting({
      val: val.series.tag,
      train: train.series.tag,
      increase: valIncrease,
      at: formatStep(bestStep, val.series.stepUnit),
    }),
  };
}

/** `overfitting`: validation turns up after its best point while training keeps improving (onset = best val step). */
export const overfittingDetector: Detector<Options> = {
  id: "overfitting",
  defaults: OVERFITTING_DEFAULTS,
  detect(context, options) {
    return trainValPairs(context)
      .map((pair) => check(pair, options))
      .filter((f): f is Finding => f !== null);
  },
};
