import { clampRound, evaluationCount, py } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Multiply the lr by this on a plateau. */
export const PLATEAU_FACTOR = 0.5;
/** Patience = run length / this, clamped to [MIN_PATIENCE, MAX_PATIENCE]. */
export const PATIENCE_DIVISOR = 10;
export const MIN_PATIENCE = 2;
export const MAX_PATIENCE = 10;
/** min_lr = lr / this (1e-5 for lr 1e-3). */
export const MIN_LR_DIVISOR = 100;
/** lr assumed when the config does not say. */
export const ASSUMED_LR = 1e-3;

/** reduce-lr-on-plateau: factor 0.5, patience from the run length, min_lr = lr / 100. */
export const reduceLrOnPlateau: RecommendationBuilder = {
  id: "reduce-lr-on-plateau",
  build(context) {
    const epochs = evaluationCount(context);
    const patience = clampRound(epochs / PATIENCE_DIVISOR, MIN_PATIENCE, MAX_PATIENCE);
    const minLr = py((context.config.lr ?? ASSUMED_LR) / MIN_LR_DIVISOR);
    const hasVal = context.run.series.some((s) => s.role === "val-loss");
    const monitor = hasVal ? "val_loss" : "loss";
    return {
      id: "reduce-lr-on-plateau", cause: context.cause.id, parameter: "lr_schedule",
      current: context.config.lrSchedule === true ? "configured" : context.config.lrSchedule === false ? "none" : null,
      proposed: `ReduceLROnPlateau(factor=${PLATEAU_FACTOR}, patience=${patience}, min_lr=${minLr})`,
      why: recMessages.reducePlateau.why(patience),
      expectedEffect: recMessages.reducePlateau.effect,
      code: {
        keras: `reduce_lr = keras.callbacks.ReduceLROnPlateau(monitor="${monitor}", factor=${PLATEAU_FACTOR}, patience=${patience}, min_lr=${minLr})\nmodel.fit(..., callbacks=[reduce_lr])`,
        pytorch: `scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=${PLATEAU_FACTOR}, patience=${patience}, min_lr=${minLr})\n# after each epoch's validation:\nscheduler.step(${hasVal ? "val_loss" : "train_loss"})`,
      },
    };
  },
};
