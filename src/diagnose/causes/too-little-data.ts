import { evidence } from "../cause-messages.js";
import { num, supportOverfitting } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { overfitting: 1.8, small: 1.5, large: 1.5, early: 0.4 } as const;
/** Overfitting that starts before this share of the run counts as early. */
const EARLY_ONSET = 0.25;

/** too-little-data: overfitting, early onset, and a small training set in the config. */
export const tooLittleData: CauseScorer = {
  id: "too-little-data",
  assess(context, tally) {
    const overfit = supportOverfitting(context, tally, W.overfitting);
    if (overfit === undefined) return;
    const best = overfit === "mild" ? undefined : num(overfit, "bestStep");
    if (best !== undefined && overfit !== "mild" && overfit.toStep > 0 && best / overfit.toStep < EARLY_ONSET) tally.support(W.early, evidence.earlyOverfit(best / overfit.toStep));
    const size = context.config.trainSize;
    if (size === undefined) return;
    if (size <= T.trainSizeSmall) tally.supportConfig(W.small, evidence.trainSize(size));
    else if (size >= T.trainSizeLarge) tally.oppose(W.large, evidence.trainSize(size));
  },
};
