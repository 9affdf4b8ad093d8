import { messages } from "../messages.js";
import { threshold, type LintRule } from "./rule.js";

/** Deep convolution stacks without any normalisation layer. */
export const missingBatchnorm: LintRule = {
  id: "missing-batchnorm",
  summary: "Deep convolution stack without BatchNorm (or another normalisation layer).",
  thresholds: { minConvLayers: 6 },
  check: (context) => {
    const layers = context.model.layers;
    const convs = layers.filter((l) => l.kind === "conv");
    if (convs.length < threshold(context, "minConvLayers")) return [];
    if (layers.some((l) => l.kind === "batchnorm" || l.kind === "other-norm")) return [];
    return [{ severity: "warning", line: convs[0]!.line, message: messages.missingBatchnorm(convs.length), fix: { description: messages.batchnormFix() }, key: "batchnorm" }];
  },
};
