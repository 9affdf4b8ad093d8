import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Huber delta proposed (in units of standardised targets). */
export const HUBER_DELTA = 1.0;

/** robust-loss: Huber loss on standardised targets instead of plain MSE on raw targets. */
export const robustLoss: RecommendationBuilder = {
  id: "robust-loss",
  build(context) {
    return {
      id: "robust-loss", cause: context.cause.id, parameter: "loss", current: current(context.config.loss),
      proposed: `huber (delta=${HUBER_DELTA}) on standardised targets`,
      why: recMessages.robustLoss.why,
      expectedEffect: recMessages.robustLoss.effect,
      code: {
        keras: `y_mean, y_std = y_train.mean(), y_train.std()\ny_train = (y_train - y_mean) / y_std\nmodel.compile(optimizer=optimizer, loss=keras.losses.Huber(delta=${HUBER_DELTA}))`,
        pytorch: `y_mean, y_std = y_train.mean(), y_train.std()\ny_train = (y_train - y_mean) / y_std\ncriterion = nn.HuberLoss(delta=${HUBER_DELTA})`,
      },
    };
  },
};
