import { evidence } from "../cause-messages.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { nanFromStart: 2.8, explosion: 1.2, configLargeInit: 3.5, configSmallInit: 0.8 } as const;

/** bad-init: NaN/Inf or a huge loss from the very first steps; config init std far from variance-preserving. */
export const badInit: CauseScorer = {
  id: "bad-init",
  assess(context, tally) {
    const s = context.signals;
    if (s.nonFiniteFromStart) tally.support(W.nanFromStart, evidence.nanFromStart());
    if (s.earlyExplosion && s.initialLoss !== null) {
      tally.support(W.explosion, evidence.explosion(s.initialLoss, s.chanceLevel ?? s.finalLoss ?? 1, s.chanceLevel !== null ? "chance level" : "the rest of the run"));
    }
    const std = context.config.extra?.["initStd"];
    if (typeof std === "number" && std >= T.initStdLarge) tally.supportConfig(W.configLargeInit, evidence.initStd(std));
    if (typeof std === "number" && std <= T.initStdSmall && s.problem) tally.supportConfig(W.configSmallInit, evidence.initStd(std));
  },
};
