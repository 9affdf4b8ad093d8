import { evidence } from "../cause-messages.js";
import { num, supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import { gradClipOf } from "../config/framework-defaults.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { blewUp: 2.0, nonFinite: 1.5, fromStart: 0.5, explosive: 1.5, spikes: 0.6, lossJump: 1.0, gradBurst: 2.0, configLargeInit: 1.5, configClip: 1.0, defaultClip: 0.7 } as const;

/** exploding-gradients: NaN/Inf, explosive divergence, gradient-norm bursts; large init without clipping. Against: clipping, configured or the Trainer's default. */
export const explodingGradients: CauseScorer = {
  id: "exploding-gradients",
  assess(context, tally) {
    const s = context.signals;
    const nonFinite = supportFinding(context, tally, "non-finite", W.nonFinite);
    const lastFinite = num(nonFinite, "lastFiniteValue");
    if (lastFinite !== undefined && Math.abs(lastFinite) >= T.hugeLastFinite) tally.support(W.blewUp, evidence.hugeLastFinite(lastFinite));
    if (s.nonFiniteFromStart) tally.support(W.fromStart, evidence.nanFromStart());
    const divergence = context.findings.find((f) => f.id === "divergence" && f.evidence["explosive"] === true);
    if (divergence !== undefined) tally.support(W.explosive, evidence.explosive(num(divergence, "ratio") ?? Number.NaN));
    supportFinding(context, tally, "spikes", W.spikes);
    supportFinding(context, tally, "loss-jump", W.lossJump);
    if (s.gradNormBurst !== null && s.gradNormBurst >= T.gradNormBurst) tally.support(W.gradBurst, evidence.gradBurst(s.gradNormBurst));
    const std = context.config.extra?.["initStd"];
    if (typeof std === "number" && std >= T.initStdLarge) tally.supportConfig(W.configLargeInit, evidence.initStd(std));
    // Clipped updates cannot explode; a Trainer log's grad_norm is measured before its default clipping.
    const clip = gradClipOf(context.run, context.config);
    if (clip !== null) tally.oppose(clip.assumed ? W.defaultClip : W.configClip, clip.assumed ? evidence.defaultGradClip(clip.value) : evidence.gradClip(clip.value));
  },
};
