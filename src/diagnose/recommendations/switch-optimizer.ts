import { optimizerFamily } from "../causes/helpers.js";
import { current, py } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Momentum proposed for plain SGD. */
export const SGD_MOMENTUM = 0.9;

/** switch-optimizer: SGD without momentum → momentum 0.9; Adam with L2 → AdamW with decoupled decay. */
export const switchOptimizer: RecommendationBuilder = {
  id: "switch-optimizer",
  build(context) {
    const { config } = context;
    const lr = py(config.lr ?? 1e-3);
    if (optimizerFamily(config) === "sgd") {
      return {
        id: "switch-optimizer", cause: context.cause.id, parameter: "momentum", current: current(config.momentum), proposed: py(SGD_MOMENTUM),
        why: recMessages.switchOptimizer.why("Plain SGD without momentum makes slow progress along shallow directions of the loss."),
        expectedEffect: recMessages.switchOptimizer.effect,
        code: {
          keras: `optimizer = keras.optimizers.SGD(learning_rate=${lr}, momentum=${SGD_MOMENTUM}, nesterov=True)`,
          pytorch: `optimizer = torch.optim.SGD(model.parameters(), lr=${lr}, momentum=${SGD_MOMENTUM}, nesterov=True)`,
        },
      };
    }
    const wd = py(config.weightDecay !== undefined && config.weightDecay > 0 ? config.weightDecay : 1e-2);
    return {
      id: "switch-optimizer", cause: context.cause.id, parameter: "optimizer", current: config.optimizer ?? null, proposed: `adamw (weight_decay=${wd})`,
      why: recMessages.switchOptimizer.why("Adam with an L2 term scales the decay by the adaptive step, so it barely regularises; AdamW applies the decay directly."),
      expectedEffect: recMessages.switchOptimizer.effect,
      code: {
        keras: `optimizer = keras.optimizers.AdamW(learning_rate=${lr}, weight_decay=${wd})`,
        pytorch: `optimizer = torch.optim.AdamW(model.parameters(), lr=${lr}, weight_decay=${wd})`,
      },
    };
  },
};
