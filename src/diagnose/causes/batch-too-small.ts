import { evidence } from "../cause-messages.js";
import { supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { noisy: 2.2, spikes: 1.0, oscillation: 0.8, configTiny: 3.5, configSmall: 2.0, configComfortable: 2.5 } as const;

/** batch-too-small: high-frequency noise, spikes and swings; config batch size of a handful of samples. */
export const batchTooSmall: CauseScorer = {
  id: "batch-too-small",
  assess(context, tally) {
    supportFinding(context, tally, "noisy", W.noisy);
    supportFinding(context, tally, "spikes", W.spikes);
    supportFinding(context, tally, "oscillation", W.oscillation);
    const size = context.config.batchSize;
    if (size === undefined) return;
    if (size <= T.batchTiny) tally.support(W.configTiny, evidence.batch(size));
    else if (size <= T.batchSmall) tally.support(W.configSmall, evidence.batch(size));
    else if (size >= T.batchComfortable) tally.oppose(W.configComfortable, evidence.batch(size));
  },
};
