import { messages } from "../messages.js";
import type { LintRule } from "./rule.js";

/** Image data loaded as raw 0-255 pixels with no scaling or normalisation anywhere in the file. */
export const inputsNotNormalized: LintRule = {
  id: "inputs-not-normalized",
  summary: "Image inputs are fed as raw 0-255 pixels.",
  thresholds: {},
  check: ({ model }) => {
    const source = model.dataSources.find((s) => s.image);
    if (source === undefined || model.normalizationLines.length > 0) return [];
    if (model.optimizers.length === 0 && model.layers.length === 0) return [];
    return [{ severity: "warning", line: source.line, message: messages.inputsNotNormalized(source.name), fix: { description: messages.inputsFix() }, key: "normalizedInputs" }];
  },
};
