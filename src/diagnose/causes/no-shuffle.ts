import { evidence } from "../cause-messages.js";
import { supportFinding } from "./helpers.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { valBelowTrain: 0.8, slow: 0.6, sawtooth: 0.5, epochSawtooth: 2.5, configOff: 4.0, configOn: 3.0 } as const;

/**
 * no-shuffle: order effects — above all the `epoch-sawtooth` finding (the same within-epoch pattern
 * every epoch, specific to a fixed batch order), then validation below training, swings, slow
 * progress; config shuffle off.
 */
export const noShuffle: CauseScorer = {
  id: "no-shuffle",
  assess(context, tally) {
    const shuffle = context.config.shuffle;
    if (shuffle === true) {
      tally.oppose(W.configOn, evidence.configValue("shuffle", true));
      return;
    }
    if (shuffle === false) tally.supportConfig(W.configOff, evidence.configValue("shuffle", false));
    supportFinding(context, tally, "epoch-sawtooth", W.epochSawtooth);
    supportFinding(context, tally, "val-below-train", W.valBelowTrain);
    supportFinding(context, tally, "slow-convergence", W.slow);
    supportFinding(context, tally, "oscillation", W.sawtooth);
  },
};
