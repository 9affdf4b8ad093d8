import { evidence } from "../cause-messages.js";
import { isCrossEntropy, num, supportFinding } from "./helpers.js";
import { strongest } from "./signals.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseContext, CauseScorer, Tally } from "./types.js";

/** Evidence weights (log-odds). */
const W = { nanWhileFalling: 2.6, negative: 1.5, tinyStart: 2.5, slow: 0.5, configMse: 3.5, configUnstable: 3.5, configPairing: 2.5, configCe: 1.5 } as const;
/** A NaN arriving after the loss fell below this share of its start came from the loss, not from divergence. */
const FELL_TO = 0.5;

function assessCurves(context: CauseContext, tally: Tally): void {
  const s = context.signals;
  const nonFinite = strongest(context.findings, "non-finite");
  const position = num(nonFinite, "position");
  const lastFinite = num(nonFinite, "lastFiniteValue");
  const falling = lastFinite !== undefined && s.initialLoss !== null && lastFinite <= FELL_TO * s.initialLoss;
  if (nonFinite !== undefined && position !== undefined && position > T.earlyPosition && falling && strongest(context.findings, "divergence") === undefined) {
    tally.support(W.nanWhileFalling, evidence.nanLate(position, lastFinite));
  }
  if (s.negativeLoss) tally.support(W.negative, evidence.negativeLoss());
  const chance = s.chanceLevel ?? (s.initialAccuracy !== null ? Math.log(2) : null);
  if (chance !== null && s.initialLoss !== null && s.initialAccuracy !== null && s.initialLoss < T.tinyInitialOverChance * chance && s.initialAccuracy < 0.5) {
    tally.support(W.tinyStart, evidence.tinyInitialLoss(s.initialLoss, chance, s.initialAccuracy));
  }
  supportFinding(context, tally, "slow-convergence", W.slow);
}

function assessConfig(context: CauseContext, tally: Tally): void {
  const { loss, outputActivation, numClasses } = context.config;
  if (loss === undefined) return;
  const classification = (numClasses ?? 0) >= 2 || outputActivation === "softmax" || /softmax/.test(loss) || context.signals.initialAccuracy !== null;
  if (/naive|log\(softmax|log_of_softmax|unstable/.test(loss)) tally.supportConfig(W.configUnstable, evidence.unstableLoss(loss));
  else if (/^(mse|mae|l1|l2|mean_squared|mean_absolute|huber|mse_)/.test(loss) && classification) tally.supportConfig(W.configMse, evidence.mseOnClasses(loss));
  else if (/binary/.test(loss) && (numClasses ?? 0) > 2) tally.supportConfig(W.configPairing, evidence.pairing(loss, outputActivation ?? "unknown"));
  else if (/categorical|cross/.test(loss) && outputActivation === "sigmoid" && (numClasses ?? 0) > 2) tally.supportConfig(W.configPairing, evidence.pairing(loss, outputActivation));
  else if (isCrossEntropy(loss) && (outputActivation === undefined || outputActivation === "linear" || outputActivation === "softmax")) tally.oppose(W.configCe, evidence.configValue("loss", loss));
}

/** loss-mismatch: loss/activation/target pairing errors and numerically unstable losses (NaN out of a falling loss, negative CE, MSE on classes). */
export const lossMismatch: CauseScorer = {
  id: "loss-mismatch",
  assess(context, tally) {
    assessCurves(context, tally);
    assessConfig(context, tally);
  },
};
