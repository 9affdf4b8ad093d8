import { evidence } from "../cause-messages.js";
import { configuredLr, opposeFinding, supportFinding } from "./helpers.js";
import { strongest } from "./signals.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseContext, CauseScorer, Tally } from "./types.js";

/** Evidence weights (log-odds). */
const W = { slow: 2.0, plateau: 1.2, plateauAtChance: 0.8, unstable: 1.5, configLow: 3.5, configLowish: 1.5, configSafe: 2.0 } as const;
/** An lr this many times above the "low" threshold is merely lowish. */
const LOWISH_FACTOR = 10;

function assessConfig(context: CauseContext, tally: Tally): void {
  const { config } = context;
  const configured = configuredLr(config);
  if (configured === undefined) return;
  const { lr, family, label } = configured;
  const low = family === "adaptive" ? T.adaptiveLrLow : T.sgdLrLow;
  if (lr <= low) tally.supportConfig(W.configLow, evidence.lrLow(label, lr, low));
  else if (lr <= low * LOWISH_FACTOR && (family === "adaptive" || (config.momentum ?? 0) < 0.5)) tally.supportConfig(W.configLowish, evidence.lrLow(label, lr, low * LOWISH_FACTOR));
  else tally.oppose(W.configSafe, evidence.lrInRange(label, lr));
}

/** lr-too-low: slow convergence or a plateau without instability; config lr far below the usual range. */
export const lrTooLow: CauseScorer = {
  id: "lr-too-low",
  assess(context, tally) {
    supportFinding(context, tally, "slow-convergence", W.slow);
    const plateau = strongest(context.findings, "plateau");
    if (plateau !== undefined) supportFinding(context, tally, "plateau", context.signals.atChance ? W.plateauAtChance : W.plateau);
    else if (context.signals.atChance && !context.signals.earlyExplosion && context.signals.finalLoss !== null && context.signals.numClasses !== null) {
      tally.support(W.plateauAtChance, evidence.atChance(context.signals.chanceLoss ?? context.signals.finalLoss, context.signals.numClasses));
    }
    opposeFinding(context, tally, "divergence", W.unstable);
    opposeFinding(context, tally, "oscillation", W.unstable);
    assessConfig(context, tally);
  },
};
