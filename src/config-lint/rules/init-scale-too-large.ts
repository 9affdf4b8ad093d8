import { messages } from "../messages.js";
import { at, fixWith, replaceValue, threshold, type LintRule, type RuleHit } from "./rule.js";

const SUGGESTED_STDDEV = 0.05;

/** Weight initialisers with a large scale (N(0, 1) in a deep net explodes: error) or constant kernels. */
export const initScaleTooLarge: LintRule = {
  id: "init-scale-too-large",
  summary: "Weights initialised with a large scale or a constant.",
  thresholds: { maxStddev: 0.2, errorStddev: 1.0 },
  check: (context) =>
    context.model.inits.flatMap((init): RuleHit[] => {
      if (init.constant) {
        return [{ severity: "warning", line: init.line, message: messages.initConstant(init.name), fix: { description: messages.initFix(SUGGESTED_STDDEV) }, key: "init" }];
      }
      const scale = init.scale;
      if (scale === null || typeof scale.value !== "number" || Math.abs(scale.value) <= threshold(context, "maxStddev")) return [];
      const value = Math.abs(scale.value);
      return [
        {
          severity: value >= threshold(context, "errorStddev") ? "error" : "warning",
          ...at(scale),
          line: init.line,
          message: messages.initTooLarge(init.name, value, threshold(context, "maxStddev")),
          fix: fixWith(messages.initFix(SUGGESTED_STDDEV), replaceValue(scale, String(SUGGESTED_STDDEV))),
          key: "init",
        },
      ];
    }),
};
