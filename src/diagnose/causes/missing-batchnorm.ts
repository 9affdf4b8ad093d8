import { evidence } from "../cause-messages.js";
import { hiddenLayers, supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { plateau: 0.8, slow: 0.5, divergence: 0.5, configNone: 1.2, deep: 1.0, configPresent: 3.0 } as const;

/** missing-batchnorm: instability or stalling in a net known to have no normalization layers (stronger when deep). */
export const missingBatchnorm: CauseScorer = {
  id: "missing-batchnorm",
  assess(context, tally) {
    const bn = context.config.batchnorm;
    if (bn === true) {
      tally.oppose(W.configPresent, evidence.configValue("batchnorm", true));
      return;
    }
    supportFinding(context, tally, "plateau", W.plateau);
    supportFinding(context, tally, "slow-convergence", W.slow);
    supportFinding(context, tally, "divergence", W.divergence);
    if (bn === false && context.signals.problem) tally.supportConfig(W.configNone, evidence.configValue("batchnorm", false));
    const layers = hiddenLayers(context.config);
    if (bn === false && layers >= T.deepLayers) tally.supportConfig(W.deep, evidence.deepModel(layers));
  },
};
