import { current, kerasOptimizer, py, torchOptimizer } from "./helpers.js";
import { LR_DIVISOR, proposedLowerLr } from "./lower-lr.js";
import { recMessages } from "./messages.js";
import { gradClipOf } from "../config/framework-defaults.js";
import type { RecommendationBuilder, RecommendationContext } from "./types.js";

/** Global gradient-norm limit proposed. */
export const CLIP_NORM = 1.0;
/** lr assumed when the config does not say. */
export const ASSUMED_LR = 1e-3;
/** The cause whose fix (lower-lr) replaces the configured rate in the clipping snippet. */
const LR_TOO_HIGH = "lr-too-high";

/**
 * The lr of the snippet: when lower-lr is also recommended (lr-too-high among the fixed causes), its
 * proposed rate — never the rate being fixed — with a leading comment (and a `new_lr` line when
 * lower-lr's rate is only known relative to the current one).
 */
function snippetLr(context: RecommendationContext): { lr: string; preamble: string } {
  const lowering = context.cause.id === LR_TOO_HIGH || (context.causes ?? []).some((c) => c.id === LR_TOO_HIGH);
  if (!lowering) return { lr: py(context.config.lr ?? ASSUMED_LR), preamble: "" };
  const lowered = proposedLowerLr(context.config);
  const note = recMessages.gradientClipping.lrFromLowerLr;
  if (lowered === null) return { lr: "new_lr", preamble: `${recMessages.gradientClipping.unknownLowerLr(LR_DIVISOR)}\n${note}\n` };
  return { lr: py(lowered), preamble: `${note}\n` };
}

/** gradient-clipping: clip the global gradient norm at 1.0. */
export const gradientClipping: RecommendationBuilder = {
  id: "gradient-clipping",
  build(context) {
    const clip = gradClipOf(context.run, context.config);
    const existing = clip?.value;
    const proposed = existing !== undefined && existing <= CLIP_NORM ? existing / 2 : CLIP_NORM;
    const { lr, preamble } = snippetLr(context);
    const optimizerCall = kerasOptimizer(context, lr).replace(/\)$/, `, clipnorm=${py(proposed)})`);
    const trainer = context.run.framework === "huggingface";
    const torchLoop = `${preamble}optimizer = ${torchOptimizer(context, lr)}\n# in the training loop, between backward() and step():\nloss.backward()\ntorch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=${py(proposed)})\noptimizer.step()`;
    return {
      id: "gradient-clipping", cause: context.cause.id, parameter: trainer ? "max_grad_norm" : "clipnorm",
      current: clip === null ? null : `${current(clip.value) ?? ""}${clip.assumed ? " (Trainer default)" : ""}`, proposed: py(proposed),
      why: recMessages.gradientClipping.why,
      expectedEffect: recMessages.gradientClipping.effect,
      code: {
        keras: `${preamble}optimizer = ${optimizerCall}`,
        pytorch: trainer ? `${preamble}args = TrainingArguments(..., learning_rate=${lr}, max_grad_norm=${py(proposed)})` : torchLoop,
      },
    };
  },
};
