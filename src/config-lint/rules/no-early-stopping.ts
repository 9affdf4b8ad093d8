import { messages } from "../messages.js";
import { threshold, type LintRule, type RuleHit } from "./rule.js";

/** Long training with validation data but no early stopping (advice). */
export const noEarlyStopping: LintRule = {
  id: "no-early-stopping",
  summary: "Long training with validation data but no early stopping.",
  thresholds: { minEpochs: 50 },
  check: (context) => {
    const { model } = context;
    if (model.earlyStoppingLines.length > 0) return [];
    return model.fits.flatMap((fit): RuleHit[] => {
      const epochs = (fit.epochs ?? model.epochs)?.value;
      if (!fit.hasValidation || typeof epochs !== "number" || epochs < threshold(context, "minEpochs")) return [];
      if (fit.callbacks.some((c) => /EarlyStopping/.test(c))) return [];
      return [{ severity: "info", line: fit.line, message: messages.noEarlyStopping(epochs), fix: { description: messages.earlyStoppingFix() }, key: "earlyStopping" }];
    });
  },
};
