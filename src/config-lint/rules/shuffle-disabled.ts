import { messages } from "../messages.js";
import { fixWith, replaceValue, type LintRule, type RuleHit } from "./rule.js";

/** Training data that is not shuffled (explicit shuffle=False, or a PyTorch training DataLoader default). */
export const shuffleDisabled: LintRule = {
  id: "shuffle-disabled",
  summary: "Training data is not shuffled between epochs.",
  thresholds: {},
  check: ({ model }) =>
    model.shuffles.flatMap((use): RuleHit[] => {
      if (use.value !== null && use.value.value !== false) return [];
      const explicit = use.value !== null;
      const replacement = explicit ? replaceValue(use.value, use.value?.span.text === "false" ? "true" : "True") : undefined;
      return [
        {
          severity: "warning",
          line: use.line,
          ...(use.value ? { column: use.value.span.column } : {}),
          message: messages.shuffleDisabled(use.context, explicit),
          fix: fixWith(messages.shuffleFix(), replacement),
          key: "shuffle",
        },
      ];
    }),
};
