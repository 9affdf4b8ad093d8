import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Label-smoothing factor proposed. */
export const SMOOTHING = 0.1;

/** label-smoothing: smooth the targets (and review the samples with the highest loss). */
export const labelSmoothing: RecommendationBuilder = {
  id: "label-smoothing",
  build(context) {
    return {
      id: "label-smoothing", cause: context.cause.id, parameter: "label_smoothing", current: null, proposed: String(SMOOTHING),
      why: recMessages.labelSmoothing.why,
      expectedEffect: recMessages.labelSmoothing.effect,
      code: {
        keras: `model.compile(optimizer=optimizer, loss=keras.losses.CategoricalCrossentropy(label_smoothing=${SMOOTHING}), metrics=["accuracy"])`,
        pytorch: `criterion = nn.CrossEntropyLoss(label_smoothing=${SMOOTHING})`,
      },
    };
  },
};
