import { evidence } from "../cause-messages.js";
import { supportOverfitting } from "./helpers.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { overfitting: 1.8, wide: 0.8, smallData: 0.6 } as const;
/** A layer this wide (in a `mlp512x512`-style model name) counts as wide. */
const WIDE_LAYER = 512;

/** model-too-large: overfitting, more so with wide layers and few samples. */
export const modelTooLarge: CauseScorer = {
  id: "model-too-large",
  assess(context, tally) {
    const overfit = supportOverfitting(context, tally, W.overfitting);
    if (overfit === undefined) return;
    const model = context.config.extra?.["model"];
    const widths = typeof model === "string" ? (model.match(/\d+/g) ?? []).map(Number) : [];
    if (typeof model === "string" && widths.some((w) => w >= WIDE_LAYER)) tally.supportConfig(W.wide, evidence.wideModel(model));
    const size = context.config.trainSize;
    if (size !== undefined && size <= T.trainSizeSmall) tally.supportConfig(W.smallData, evidence.trainSize(size));
  },
};
