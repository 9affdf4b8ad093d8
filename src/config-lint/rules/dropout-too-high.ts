import { messages } from "../messages.js";
import { at, fixWith, replaceValue, threshold, type LintRule, type RuleHit } from "./rule.js";

const SUGGESTED_RATE = 0.3;

/** Dropout rates that throw away most of the signal (≥ 0.9 cannot train: error). */
export const dropoutTooHigh: LintRule = {
  id: "dropout-too-high",
  summary: "Dropout rate so high that the network can hardly fit.",
  thresholds: { maxRate: 0.5, errorRate: 0.9 },
  check: (context) =>
    context.model.layers.flatMap((layer): RuleHit[] => {
      const rate = layer.rate;
      if (layer.kind !== "dropout" || rate === null || typeof rate.value !== "number") return [];
      if (rate.value <= threshold(context, "maxRate")) return [];
      return [
        {
          severity: rate.value >= threshold(context, "errorRate") ? "error" : "warning",
          ...at(rate),
          message: messages.dropoutTooHigh(rate.value, threshold(context, "maxRate")),
          fix: fixWith(messages.dropoutFix(SUGGESTED_RATE), replaceValue(rate, String(SUGGESTED_RATE))),
          key: "dropout",
        },
      ];
    }),
};
