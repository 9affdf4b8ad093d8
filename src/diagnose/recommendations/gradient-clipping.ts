import { current, kerasOptimizer, py, torchOptimizer } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Global gradient-norm limit proposed. */
export const CLIP_NORM = 1.0;
/** lr assumed when the config does not say. */
export const ASSUMED_LR = 1e-3;

/** gradient-clipping: clip the global gradient norm at 1.0. */
export const gradientClipping: RecommendationBuilder = {
  id: "gradient-clipping",
  build(context) {
    const clip = context.config.extra?.["gradClip"];
    const existing = typeof clip === "number" ? clip : undefined;
    const proposed = existing !== undefined && existing <= CLIP_NORM ? existing / 2 : CLIP_NORM;
    const lr = py(context.config.lr ?? ASSUMED_LR);
    const optimizerCall = kerasOptimizer(context, lr).replace(/\)$/, `, clipnorm=${py(proposed)})`);
    return {
      id: "gradient-clipping", cause: context.cause.id, parameter: "clipnorm", current: current(existing), proposed: py(proposed),
      why: recMessages.gradientClipping.why,
      expectedEffect: recMessages.gradientClipping.effect,
      code: {
        keras: `optimizer = ${optimizerCall}`,
        pytorch: `optimizer = ${torchOptimizer(context, lr)}\n# in the training loop, between backward() and step():\nloss.backward()\ntorch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=${py(proposed)})\noptimizer.step()`,
      },
    };
  },
};
