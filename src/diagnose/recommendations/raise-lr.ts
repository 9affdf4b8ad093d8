import { optimizerFamily, optimizerLabel } from "../causes/helpers.js";
import { current, kerasOptimizer, py, torchOptimizer } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Adam-family target lr. */
export const ADAPTIVE_TARGET_LR = 1e-3;
/** SGD (with momentum 0.9) target lr when the current one is tiny. */
export const SGD_TARGET_LR = 0.01;
/** Otherwise the lr is multiplied by this factor. */
export const LR_FACTOR = 10;

/** raise-lr: Adam → 1e-3, SGD → 0.01 (with momentum 0.9) when below those; otherwise ×10. */
export const raiseLr: RecommendationBuilder = {
  id: "raise-lr",
  build(context) {
    const { config } = context;
    const lr = config.lr;
    const adaptive = optimizerFamily(config) === "adaptive";
    const target = adaptive ? ADAPTIVE_TARGET_LR : SGD_TARGET_LR;
    const proposedValue = lr === undefined || lr < target ? target : lr * LR_FACTOR;
    const value = py(proposedValue);
    return {
      id: "raise-lr", cause: context.cause.id, parameter: "lr", current: current(lr), proposed: value,
      why: recMessages.raiseLr.why(optimizerLabel(config), current(lr)),
      expectedEffect: recMessages.raiseLr.effect,
      code: {
        keras: `optimizer = ${kerasOptimizer(context, value)}\nmodel.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])`,
        pytorch: `optimizer = ${torchOptimizer(context, value)}`,
      },
    };
  },
};
