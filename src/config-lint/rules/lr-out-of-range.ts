import { messages } from "../messages.js";
import type { OptimizerUse } from "../model.js";
import { at, fixWith, replaceValue, shown, threshold, type LintRule, type RuleContext, type RuleHit } from "./rule.js";

/** Suggested starting learning rates per optimizer family. */
const SUGGESTED = { adaptive: 1e-3, sgd: 0.1, sgdLow: 0.01, other: 1e-3 } as const;

function limits(context: RuleContext, optimizer: OptimizerUse): { error: number; max: number; min: number } {
  const min = threshold(context, "minLr");
  if (optimizer.family === "adaptive") return { error: threshold(context, "adaptiveErrorLr"), max: threshold(context, "adaptiveMaxLr"), min };
  if (optimizer.family === "sgd") return { error: threshold(context, "sgdErrorLr"), max: threshold(context, "sgdMaxLr"), min };
  return { error: Number.POSITIVE_INFINITY, max: threshold(context, "otherMaxLr"), min };
}

const LABELS: Readonly<Record<string, string>> = {
  adam: "Adam",
  adamw: "AdamW",
  nadam: "Nadam",
  adamax: "Adamax",
  radam: "RAdam",
  rmsprop: "RMSprop",
  lion: "Lion",
  sgd: "SGD",
  adagrad: "Adagrad",
  adadelta: "Adadelta",
  ftrl: "Ftrl",
  unknown: "The",
};

function label(optimizer: OptimizerUse): string {
  return LABELS[optimizer.name] ?? optimizer.name;
}

function checkOptimizer(context: RuleContext, optimizer: OptimizerUse): RuleHit | null {
  const lr = optimizer.lr;
  if (lr === null || typeof lr.value !== "number") return null;
  const bounds = limits(context, optimizer);
  const name = label(optimizer);
  if (lr.value > bounds.max || lr.value >= bounds.error) {
    const suggested = optimizer.family === "sgd" ? SUGGESTED.sgd : SUGGESTED.adaptive;
    const atError = lr.value >= bounds.error;
    return {
      severity: atError ? "error" : "warning",
      ...at(lr),
      message: messages.lrTooHigh(name, shown(lr), atError ? bounds.error : bounds.max, suggested, atError),
      fix: fixWith(messages.lrFix(suggested), replaceValue(lr, String(suggested === 1e-3 ? "1e-3" : suggested))),
      key: "lr",
    };
  }
  if (lr.value > 0 && lr.value < bounds.min) {
    const suggested = optimizer.family === "sgd" ? SUGGESTED.sgdLow : SUGGESTED.adaptive;
    return {
      severity: "warning",
      ...at(lr),
      message: messages.lrTooLow(name, shown(lr), bounds.min, suggested),
      fix: fixWith(messages.lrFix(suggested), replaceValue(lr, suggested === 1e-3 ? "1e-3" : String(suggested))),
      key: "lr",
    };
  }
  return null;
}

/** Learning rate outside the usual range of its optimizer (Adam ≥ 0.1 reliably diverges: error). */
export const lrOutOfRange: LintRule = {
  id: "lr-out-of-range",
  summary: "Learning rate outside the range that trains stably for its optimizer.",
  thresholds: { adaptiveMaxLr: 0.01, adaptiveErrorLr: 0.1, sgdMaxLr: 0.5, sgdErrorLr: 1.0, otherMaxLr: 1.0, minLr: 1e-6 },
  check: (context) => context.model.optimizers.flatMap((o) => checkOptimizer(context, o) ?? []),
};
