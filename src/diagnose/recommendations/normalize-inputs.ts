import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** normalize-inputs: standardise features (or divide pixels by 255) with statistics from the training set. */
export const normalizeInputs: RecommendationBuilder = {
  id: "normalize-inputs",
  build(context) {
    return {
      id: "normalize-inputs", cause: context.cause.id, parameter: "normalized_inputs",
      current: current(context.config.normalizedInputs), proposed: "true (zero mean, unit variance)",
      why: recMessages.normalizeInputs.why,
      expectedEffect: recMessages.normalizeInputs.effect,
      code: {
        keras: "norm = layers.Normalization()\nnorm.adapt(x_train)  # training statistics only\nmodel = keras.Sequential([keras.Input(shape=x_train.shape[1:]), norm, *hidden_layers])",
        pytorch: "mean, std = x_train.mean(0), x_train.std(0) + 1e-8  # training statistics only\nx_train = (x_train - mean) / std\nx_val = (x_val - mean) / std",
      },
    };
  },
};
