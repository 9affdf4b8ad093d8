import type { Finding } from "../../domain/finding.js";
import { VAL_BELOW_TRAIN_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { median } from "../stats/median.js";
import { analysisStep, clampConfidence, levelAtStep, round4, saturate, stepRange } from "./finding-helpers.js";
import { trainValPairs, type SeriesPair } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof VAL_BELOW_TRAIN_DEFAULTS;

/** Relative gaps (train − val) / train at every validation point inside the train step range. */
export function relativeGaps({ train, val }: SeriesPair): number[] {
  const { first, last } = stepRange(train);
  const gaps: number[] = [];
  for (let i = 0; i < val.analysis.values.length; i++) {
    const step = analysisStep(val, i);
    const t = levelAtStep(train, step);
    const v = val.analysis.values[i] ?? Number.NaN;
    if (step >= first && step <= last && t > 0 && Number.isFinite(v)) gaps.push((t - v) / t);
  }
  return gaps;
}

function check(pair: SeriesPair, o: Options): Finding | null {
  if (!pair.train.positive || !pair.val.positive) return null;
  const gaps = relativeGaps(pair);
  if (gaps.length < o.minPoints) return null;
  const below = gaps.filter((g) => g > 0);
  const fraction = below.length / gaps.length;
  // Typical (median) gap where val is below: one blown-up first epoch must not inflate it.
  const meanRelativeGap = below.length > 0 ? median(below) : 0;
  if (!(fraction >= o.minFraction && meanRelativeGap >= o.minMeanRelativeGap)) return null;
  const { val, train } = pair;
  return {
    id: "val-below-train",
    severity: "info",
    confidence: clampConfidence(0.4 + 0.3 * saturate((fraction - o.minFraction) * 5) + 0.29 * saturate(meanRelativeGap / o.minMeanRelativeGap - 1)),
    series: val.series.tag,
    fromStep: analysisStep(val, 0),
    toStep: analysisStep(val, val.analysis.values.length - 1),
    evidence: { meanRelativeGap: round4(meanRelativeGap), fraction: round4(fraction) },
    message: DETECTOR_MESSAGES.valBelowTrain({ val: val.series.tag, train: train.series.tag, fraction, gap: meanRelativeGap }),
  };
}

/** `val-below-train`: validation loss sits below training loss (dropout/augmentation, or a leak). */
export const valBelowTrainDetector: Detector<Options> = {
  id: "val-below-train",
  defaults: VAL_BELOW_TRAIN_DEFAULTS,
  detect(context, options) {
    return trainValPairs(context)
      .map((pair) => check(pair, options))
      .filter((f): f is Finding => f !== null);
  },
};
