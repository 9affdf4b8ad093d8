import { evidence } from "../cause-messages.js";
import { optimizerFamily, optimizerLabel, supportFinding } from "./helpers.js";
import { strongest } from "./signals.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { plainSgd: 2.5, adamL2: 1.5, slow: 0.6, plateau: 0.5, momentum: 1.0 } as const;
/** SGD momentum at or above this is the usual setting. */
const USUAL_MOMENTUM = 0.5;

/** optimizer-choice: plain SGD without momentum that stalls; Adam with coupled L2 that overfits. */
export const optimizerChoice: CauseScorer = {
  id: "optimizer-choice",
  assess(context, tally) {
    const { config } = context;
    const family = optimizerFamily(config);
    const stalled = strongest(context.findings, "slow-convergence") ?? strongest(context.findings, "plateau");
    if (stalled === undefined && strongest(context.findings, "overfitting") === undefined) return;
    if (family === "sgd" && config.momentum === 0 && stalled !== undefined) tally.supportConfig(W.plainSgd, evidence.momentumZero());
    if (family === "sgd" && (config.momentum ?? 0) >= USUAL_MOMENTUM) tally.oppose(W.momentum, evidence.configValue("momentum", config.momentum ?? 0));
    const name = config.optimizer ?? "";
    if (family === "adaptive" && !/adamw/.test(name) && (config.weightDecay ?? 0) > 0 && strongest(context.findings, "overfitting") !== undefined) {
      tally.supportConfig(W.adamL2, evidence.adamWithL2(optimizerLabel(config), config.weightDecay ?? 0));
    }
    supportFinding(context, tally, "slow-convergence", W.slow);
    supportFinding(context, tally, "plateau", W.plateau);
  },
};
