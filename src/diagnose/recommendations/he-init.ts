import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** he-init: ReLU with He (Kaiming) initialisation instead of a fixed-std or saturating setup. */
export const heInit: RecommendationBuilder = {
  id: "he-init",
  build(context) {
    const std = context.config.extra?.["initStd"];
    const activation = context.config.extra?.["activation"];
    const currentText = [typeof std === "number" ? `N(0, ${current(std) ?? ""})` : null, typeof activation === "string" ? activation : null].filter((x) => x !== null).join(", ");
    return {
      id: "he-init", cause: context.cause.id, parameter: "initializer", current: currentText === "" ? null : currentText,
      proposed: "he_normal (kaiming_normal_) with ReLU",
      why: recMessages.heInit.why(typeof std === "number" ? current(std) : null),
      expectedEffect: recMessages.heInit.effect,
      code: {
        keras: "layers.Dense(units, activation=\"relu\", kernel_initializer=\"he_normal\")",
        pytorch: "for m in model.modules():\n    if isinstance(m, (nn.Linear, nn.Conv2d)):\n        nn.init.kaiming_normal_(m.weight, nonlinearity=\"relu\")\n        nn.init.zeros_(m.bias)",
      },
    };
  },
};
