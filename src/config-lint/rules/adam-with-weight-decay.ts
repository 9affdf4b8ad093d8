import { messages } from "../messages.js";
import { fixWith, type LintRule, type RuleHit } from "./rule.js";

/** PyTorch/config Adam with coupled L2 weight decay (Keras 3 `weight_decay` is already decoupled). */
export const adamWithWeightDecay: LintRule = {
  id: "adam-with-weight-decay",
  summary: "Adam with L2 weight decay where AdamW's decoupled decay is intended.",
  thresholds: { minWeightDecay: 0 },
  check: (context) =>
    context.model.optimizers.flatMap((o): RuleHit[] => {
      const wd = o.weightDecay?.value;
      if (o.name !== "adam" || o.framework === "keras" || typeof wd !== "number" || wd <= (context.thresholds["minWeightDecay"] ?? 0)) return [];
      const span = o.nameSpan;
      const replacement = span !== null && span.line === span.endLine ? { line: span.line, startColumn: span.column, endColumn: span.endColumn, text: "AdamW" } : undefined;
      return [{ severity: "warning", line: o.line, message: messages.adamWeightDecay(wd), fix: fixWith(messages.adamWeightDecayFix(), replacement), key: "optimizer" }];
    }),
};
