import { current, py } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Dropout rate proposed when none is set. */
export const DROPOUT_RATE = 0.25;
/** Existing dropout is raised by this step, up to MAX_DROPOUT. */
export const DROPOUT_STEP = 0.2;
export const MAX_DROPOUT = 0.5;

/** dropout: Dropout(0.25) after hidden layers (or a higher rate when some is already there). */
export const dropout: RecommendationBuilder = {
  id: "dropout",
  build(context) {
    const rate = context.config.dropout;
    if (rate !== undefined && rate >= MAX_DROPOUT) return null;
    const proposed = rate === undefined || rate === 0 ? DROPOUT_RATE : Math.min(MAX_DROPOUT, rate + DROPOUT_STEP);
    const value = py(proposed);
    return {
      id: "dropout", cause: context.cause.id, parameter: "dropout", current: current(rate), proposed: value,
      why: recMessages.dropout.why(value),
      expectedEffect: recMessages.dropout.effect,
      code: {
        keras: `layers.Dense(units, activation="relu"),\nlayers.Dropout(${value}),`,
        pytorch: `nn.Linear(in_features, units),\nnn.ReLU(),\nnn.Dropout(p=${value}),`,
      },
    };
  },
};
