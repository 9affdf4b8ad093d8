import { optimizerFamily, optimizerLabel } from "../causes/helpers.js";
import { current, kerasOptimizer, py, torchOptimizer } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { RecommendationBuilder } from "./types.js";

/** Adam-family optimizers get at most this lr. */
export const ADAPTIVE_DEFAULT_LR = 1e-3;
/** Otherwise the lr is divided by this factor. */
export const LR_DIVISOR = 10;

/** The lr lower-lr proposes; null when it cannot be a number (SGD-family with an unknown lr). */
export function proposedLowerLr(config: TrainingConfig): number | null {
  const lr = config.lr;
  const adaptive = optimizerFamily(config) === "adaptive";
  if (lr === undefined) return adaptive ? ADAPTIVE_DEFAULT_LR : null;
  return adaptive ? Math.min(ADAPTIVE_DEFAULT_LR, lr / LR_DIVISOR) : lr / LR_DIVISOR;
}

/** lower-lr: Adam lr 1.0 → 1e-3; SGD lr → lr / 10. */
export const lowerLr: RecommendationBuilder = {
  id: "lower-lr",
  build(context) {
    const { config } = context;
    const lr = config.lr;
    const adaptive = optimizerFamily(config) === "adaptive";
    const proposedValue = proposedLowerLr(config) ?? ADAPTIVE_DEFAULT_LR;
    const proposed = lr === undefined && !adaptive ? `current lr / ${LR_DIVISOR} (${py(ADAPTIVE_DEFAULT_LR)} for Adam)` : py(proposedValue);
    const value = py(proposedValue);
    return {
      id: "lower-lr", cause: context.cause.id, parameter: "lr", current: current(lr), proposed,
      why: recMessages.lowerLr.why(optimizerLabel(config), current(lr)),
      expectedEffect: recMessages.lowerLr.effect,
      code: {
        keras: `optimizer = ${kerasOptimizer(context, value)}\nmodel.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])`,
        pytorch: `optimizer = ${torchOptimizer(context, value)}`,
      },
    };
  },
};
