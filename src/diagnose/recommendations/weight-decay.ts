import { optimizerFamily } from "../causes/helpers.js";
import { current, py } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** L2 / weight-decay strength proposed when none is set. */
export const L2_STRENGTH = 1e-3;
/** Existing decay is multiplied by this. */
export const DECAY_FACTOR = 10;

/** weight-decay: L2 1e-3 on kernels (Keras) / decoupled weight decay with AdamW (PyTorch). */
export const weightDecay: RecommendationBuilder = {
  id: "weight-decay",
  build(context) {
    const wd = context.config.weightDecay;
    const proposed = wd === undefined || wd === 0 ? L2_STRENGTH : wd * DECAY_FACTOR;
    const value = py(proposed);
    const adaptive = optimizerFamily(context.config) !== "sgd";
    return {
      id: "weight-decay", cause: context.cause.id, parameter: "weight_decay", current: current(wd), proposed: value,
      why: recMessages.weightDecay.why,
      expectedEffect: recMessages.weightDecay.effect,
      code: {
        keras: `from keras import regularizers\nlayers.Dense(units, activation="relu", kernel_regularizer=regularizers.l2(${value}))`,
        pytorch: adaptive
          ? `optimizer = torch.optim.AdamW(model.parameters(), lr=${py(context.config.lr ?? 1e-3)}, weight_decay=${value})`
          : `optimizer = torch.optim.SGD(model.parameters(), lr=${py(context.config.lr ?? 0.01)}, momentum=${py(context.config.momentum ?? 0.9)}, weight_decay=${value})`,
      },
    };
  },
};
