import { evidence } from "../cause-messages.js";
import { findingText, num } from "./helpers.js";
import { strongest } from "./signals.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { explosion: 2.0, thenChance: 0.8, earlyDivergence: 0.6, configRaw: 3.5, configNormalized: 3.0 } as const;
/** Divergence that starts before this share of the run counts as early. */
const EARLY_DIVERGENCE = 0.2;

/** unnormalized-inputs: a first loss far above chance (huge logits), often followed by a dead plateau; config says inputs are raw. */
export const unnormalizedInputs: CauseScorer = {
  id: "unnormalized-inputs",
  assess(context, tally) {
    const s = context.signals;
    if (s.earlyExplosion && s.initialLoss !== null) {
      const reference = s.chanceLevel ?? s.finalLoss ?? 1;
      tally.support(W.explosion, evidence.explosion(s.initialLoss, reference, s.chanceLevel !== null ? "chance level" : "the rest of the run"));
      if (s.atChance && s.numClasses !== null) tally.support(W.thenChance, evidence.atChance(s.chanceLoss ?? reference, s.numClasses));
    }
    const divergence = strongest(context.findings, "divergence");
    const position = num(divergence, "position");
    if (divergence !== undefined && position !== undefined && position < EARLY_DIVERGENCE) tally.support(W.earlyDivergence, findingText(context, divergence));
    const normalized = context.config.normalizedInputs;
    if (normalized === false) tally.supportConfig(W.configRaw, evidence.configValue("normalized_inputs", false));
    if (normalized === true) tally.oppose(W.configNormalized, evidence.configValue("normalized_inputs", true));
  },
};
