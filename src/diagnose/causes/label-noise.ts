import { evidence } from "../cause-messages.js";
import { num, supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { overfitting: 1.2, poorBest: 1.6, poorAccuracy: 1.2, configNoise: 3.5 } as const;
/** Training loss that ends below this share of its start has been fitted (memorised). */
const FITTED = 0.1;

/** label-noise: the model memorises the training set while validation never gets good (high best val loss, low accuracy). */
export const labelNoise: CauseScorer = {
  id: "label-noise",
  assess(context, tally) {
    const s = context.signals;
    const noise = context.config.extra?.["labelNoise"];
    if (typeof noise === "number" && noise > 0) tally.supportConfig(W.configNoise, evidence.configValue("label_noise", noise));
    const overfit = supportFinding(context, tally, "overfitting", W.overfitting);
    if (overfit === undefined) return;
    const best = num(overfit, "bestValue");
    if (best !== undefined && s.chanceLevel !== null && s.classification && best >= T.poorBestOverChance * s.chanceLevel) tally.support(W.poorBest, evidence.poorBest(best, s.chanceLevel));
    const fitted = s.initialLoss !== null && s.finalLoss !== null && s.finalLoss <= FITTED * s.initialLoss;
    if (fitted && s.bestAccuracy !== null && s.bestAccuracy < T.poorValAccuracy) tally.support(W.poorAccuracy, evidence.poorAccuracy(s.bestAccuracy));
  },
};
