import { evidence } from "../cause-messages.js";
import { configuredLr, effectiveSgdLr, num, supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseContext, CauseScorer, Tally } from "./types.js";

/** Evidence weights (log-odds). */
const W = { divergence: 2.2, explosive: 0.8, nonFinite: 1.2, oscillation: 1.6, spikes: 0.8, lossJump: 2.0, explosionThenChance: 2.2, configExtreme: 4.5, configHigh: 2.5, configSlightlyHigh: 0.8, configSafe: 2.5 } as const;

function assessConfig(context: CauseContext, tally: Tally): void {
  const { config } = context;
  const configured = configuredLr(config);
  if (configured === undefined) return;
  const { lr, family, label } = configured;
  if (family === "adaptive") {
    if (lr >= T.adaptiveLrExtreme) tally.supportConfig(W.configExtreme, evidence.lrVsSafe(label, lr, T.adaptiveLrSafeMax));
    else if (lr >= T.adaptiveLrHigh) tally.supportConfig(W.configHigh, evidence.lrVsSafe(label, lr, T.adaptiveLrSafeMax));
    else if (lr > T.adaptiveLrSafeMax) tally.supportConfig(W.configSlightlyHigh, evidence.lrVsSafe(label, lr, T.adaptiveLrSafeMax));
    else tally.oppose(W.configSafe, evidence.lrInRange(label, lr));
    return;
  }
  const effective = effectiveSgdLr(config) ?? lr;
  const text = evidence.sgdEffective(lr, config.momentum ?? 0, effective);
  if (effective >= T.sgdEffectiveLrExtreme) tally.supportConfig(W.configExtreme, text);
  else if (effective >= T.sgdEffectiveLrHigh) tally.supportConfig(W.configHigh, text);
  else if (effective <= T.sgdEffectiveLrSafeMax) tally.oppose(W.configSafe, text);
}

/** lr-too-high: explosions, oscillation and spikes; a dead network at ln(C) after an early blow-up; config lr far above the usual range. */
export const lrTooHigh: CauseScorer = {
  id: "lr-too-high",
  assess(context, tally) {
    const divergence = supportFinding(context, tally, "divergence", W.divergence);
    if (divergence?.evidence["explosive"] === true) tally.support(W.explosive, evidence.explosive(num(divergence, "ratio") ?? Number.NaN));
    supportFinding(context, tally, "non-finite", W.nonFinite);
    supportFinding(context, tally, "oscillation", W.oscillation);
    supportFinding(context, tally, "spikes", W.spikes);
    supportFinding(context, tally, "loss-jump", W.lossJump);
    const s = context.signals;
    if (s.earlyExplosion && s.atChance && s.initialLoss !== null && s.chanceLevel !== null && s.numClasses !== null) {
      tally.support(W.explosionThenChance, `${evidence.explosion(s.initialLoss, s.chanceLevel, "chance level")}; ${evidence.atChance(s.chanceLoss ?? s.chanceLevel, s.numClasses)}`);
    }
    assessConfig(context, tally);
  },
};
