import { evidence } from "../cause-messages.js";
import { pickSeries } from "./curve-stats.js";
import { supportFinding } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { noisy: 2.2, spikes: 1.0, oscillation: 0.8, configTiny: 3.5, configSmall: 2.0, configComfortable: 2.5, quietSteps: 2.0 } as const;
/** Per-step training curves with at least this many points would show small-batch noise. */
const VISIBLE_NOISE_POINTS = 200;

/** batch-too-small: high-frequency noise, spikes and swings; config batch size of a handful of samples. */
export const batchTooSmall: CauseScorer = {
  id: "batch-too-small",
  assess(context, tally) {
    const noisy = [supportFinding(context, tally, "noisy", W.noisy), supportFinding(context, tally, "spikes", W.spikes), supportFinding(context, tally, "oscillation", W.oscillation)];
    const train = pickSeries(context.run, "train-loss");
    if (noisy.every((f) => f === undefined) && train?.stepUnit === "step" && train.values.length >= VISIBLE_NOISE_POINTS) {
      tally.oppose(W.quietSteps, evidence.quietSteps(train.tag, train.values.length));
    }
    const batch = context.config.batchSize;
    if (batch === undefined) return;
    const accumulation = context.config.extra?.["gradAccumulation"];
    const size = typeof accumulation === "number" && accumulation > 1 ? batch * accumulation : batch;
    if (size <= T.batchTiny) tally.supportConfig(W.configTiny, evidence.batch(size));
    else if (size <= T.batchSmall) tally.supportConfig(W.configSmall, evidence.batch(size));
    else if (size >= T.batchComfortable) tally.oppose(W.configComfortable, evidence.batch(size));
  },
};
