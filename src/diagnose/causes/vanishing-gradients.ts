import { evidence } from "../cause-messages.js";
import { hiddenLayers, supportFinding } from "./helpers.js";
import { strongest } from "./signals.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { deadAtChance: 1.8, plateau: 0.8, slow: 0.8, saturating: 1.8, relu: 0.8, deep: 1.5, smallInit: 0.8, batchnorm: 1.2 } as const;

/** vanishing-gradients: stuck at chance from the start without a blow-up; sigmoid/tanh, depth, tiny init. */
export const vanishingGradients: CauseScorer = {
  id: "vanishing-gradients",
  assess(context, tally) {
    const s = context.signals;
    const { config } = context;
    if (s.atChance && !s.earlyExplosion && s.chanceLoss !== null && s.numClasses !== null) tally.support(W.deadAtChance, evidence.atChance(s.chanceLoss, s.numClasses));
    else if (strongest(context.findings, "plateau") !== undefined) supportFinding(context, tally, "plateau", W.plateau);
    supportFinding(context, tally, "slow-convergence", W.slow);
    const activation = config.extra?.["activation"];
    if (typeof activation === "string" && /sigmoid|tanh|softsign/.test(activation)) tally.supportConfig(W.saturating, evidence.activation(activation));
    if (typeof activation === "string" && /relu|gelu|silu|swish|elu|mish/.test(activation)) tally.oppose(W.relu, evidence.configValue("activation", activation));
    const layers = hiddenLayers(config);
    if (layers >= T.deepLayers) tally.supportConfig(W.deep, evidence.deepModel(layers));
    const std = config.extra?.["initStd"];
    if (typeof std === "number" && std <= T.initStdSmall) tally.supportConfig(W.smallInit, evidence.initStd(std));
    if (config.batchnorm === true) tally.oppose(W.batchnorm, evidence.configValue("batchnorm", true));
  },
};
