import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Hidden widths are divided by this. */
export const WIDTH_DIVISOR = 2;

/** smaller-model: halve the hidden widths (a model name such as `mlp512x512` becomes `mlp256x256`). */
export const smallerModel: RecommendationBuilder = {
  id: "smaller-model",
  build(context) {
    const model = context.config.extra?.["model"];
    const name = typeof model === "string" ? model : null;
    const smaller = name?.replace(/\d+/g, (d) => String(Math.max(1, Math.round(Number(d) / WIDTH_DIVISOR)))) ?? null;
    return {
      id: "smaller-model", cause: context.cause.id, parameter: "model width", current: name,
      proposed: smaller !== null && smaller !== name ? smaller : `hidden widths / ${WIDTH_DIVISOR}`,
      why: recMessages.smallerModel.why,
      expectedEffect: recMessages.smallerModel.effect,
      code: {
        keras: "layers.Dense(units // 2, activation=\"relu\")  # halve every hidden layer",
        pytorch: "nn.Linear(in_features, units // 2)  # halve every hidden layer",
      },
    };
  },
};
