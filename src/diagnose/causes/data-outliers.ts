import { evidence } from "../cause-messages.js";
import { supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { spikes: 1.4, lossJump: 0.6, huge: 2.2, noisy: 0.5, valBelowTrain: 0.4, squared: 0.5, robust: 1.0 } as const;

/** data-outliers: isolated spikes and a loss of enormous magnitude (unscaled or extreme targets); squared-error loss amplifies them. */
export const dataOutliers: CauseScorer = {
  id: "data-outliers",
  assess(context, tally) {
    const s = context.signals;
    supportFinding(context, tally, "spikes", W.spikes);
    supportFinding(context, tally, "loss-jump", W.lossJump);
    const huge = s.lossScale !== null && s.lossScale >= T.hugeLossScale && !s.nonFiniteFromStart;
    if (huge && s.lossScale !== null) tally.support(W.huge, evidence.hugeLoss(s.lossScale));
    supportFinding(context, tally, "noisy", W.noisy);
    supportFinding(context, tally, "val-below-train", W.valBelowTrain);
    const loss = context.config.loss;
    if (loss !== undefined && huge && /mse|l2|squared/.test(loss)) tally.supportConfig(W.squared, evidence.configValue("loss", loss));
    if (loss !== undefined && /huber|smooth_l1|^l1|mae|absolute/.test(loss)) tally.oppose(W.robust, evidence.configValue("loss", loss));
  },
};
