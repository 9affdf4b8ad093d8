import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** batchnorm: BatchNormalization after each conv/dense layer, before the activation. */
export const batchnorm: RecommendationBuilder = {
  id: "batchnorm",
  build(context) {
    if (context.config.batchnorm === true) return null;
    return {
      id: "batchnorm", cause: context.cause.id, parameter: "batchnorm", current: current(context.config.batchnorm),
      proposed: "true (after each conv/dense layer)",
      why: recMessages.batchnorm.why,
      expectedEffect: recMessages.batchnorm.effect,
      code: {
        keras: "layers.Dense(units, use_bias=False),\nlayers.BatchNormalization(),\nlayers.Activation(\"relu\"),",
        pytorch: "nn.Linear(in_features, units, bias=False),\nnn.BatchNorm1d(units),  # BatchNorm2d(channels) after Conv2d\nnn.ReLU(),",
      },
    };
  },
};
