import { messages } from "../messages.js";
import { at, fixWith, replaceValue, threshold, type LintRule, type RuleHit } from "./rule.js";

const SUGGESTED_BATCH = 32;

/** Training batch sizes that make gradient noise dominate (1 is an error: no batch statistics). */
export const batchSizeTooSmall: LintRule = {
  id: "batch-size-too-small",
  summary: "Training batch size so small that gradient noise dominates the updates.",
  thresholds: { minBatchSize: 8, errorBatchSize: 1 },
  check: (context) =>
    context.model.batchSizes.flatMap((use): RuleHit[] => {
      const batch = use.value.value;
      if (!use.training || typeof batch !== "number" || batch <= 0) return [];
      const effective = batch * (use.accumulation ?? 1);
      if (effective >= threshold(context, "minBatchSize")) return [];
      return [
        {
          severity: effective <= threshold(context, "errorBatchSize") ? "error" : "warning",
          ...at(use.value),
          message: messages.batchTooSmall(batch, effective, threshold(context, "minBatchSize")),
          fix: fixWith(messages.batchFix(SUGGESTED_BATCH), replaceValue(use.value, String(SUGGESTED_BATCH))),
          key: "batchSize",
        },
      ];
    }),
};
