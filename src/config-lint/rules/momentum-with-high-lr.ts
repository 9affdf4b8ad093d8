import { formatNumber } from "../format.js";
import { messages } from "../messages.js";
import { at, fixWith, replaceValue, threshold, type LintRule, type RuleHit } from "./rule.js";

/** Relative tolerance so that 0.2 / (1 - 0.9) = 2.0000000000000004 counts as 2. */
const TOLERANCE = 1e-9;

/** Momentum amplifies the step to lr / (1 - momentum); flag when that effective step is too large. */
export const momentumWithHighLr: LintRule = {
  id: "momentum-with-high-lr",
  summary: "High momentum combined with a high learning rate.",
  thresholds: { maxEffectiveLr: 2.0 },
  check: (context) =>
    context.model.optimizers.flatMap((o): RuleHit[] => {
      const lr = o.lr?.value ?? o.defaultLr;
      const momentum = o.momentum?.value;
      if (typeof lr !== "number" || typeof momentum !== "number" || momentum <= 0 || momentum >= 1) return [];
      const effective = lr / (1 - momentum);
      const limit = threshold(context, "maxEffectiveLr");
      if (effective <= limit * (1 + TOLERANCE)) return [];
      const suggested = Number(((1 - momentum) * (limit / 2)).toPrecision(2));
      const anchor = o.lr ?? o.momentum!;
      return [
        {
          severity: "warning",
          ...at(anchor),
          message: messages.momentumHighLr(lr, momentum, effective, limit),
          fix: fixWith(messages.momentumFix(suggested), replaceValue(o.lr, formatNumber(suggested))),
          key: "momentum",
        },
      ];
    }),
};
