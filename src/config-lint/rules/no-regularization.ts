import { messages } from "../messages.js";
import { threshold, type LintRule, type RuleContext } from "./rule.js";

function reason(context: RuleContext): string | null {
  const { model } = context;
  const epochs = model.epochs?.value;
  if (typeof epochs === "number" && epochs >= threshold(context, "longTrainingEpochs")) return `Training runs ${epochs} epochs`;
  const weighted = model.layers.filter((l) => l.kind === "dense" || l.kind === "conv");
  if (weighted.length >= threshold(context, "largeLayerCount")) return `The model has ${weighted.length} Dense/Conv layers`;
  const wide = weighted.find((l) => typeof l.units?.value === "number" && l.units.value >= threshold(context, "largeUnits"));
  if (wide !== undefined) return `A layer has ${String(wide.units?.value)} units`;
  return null;
}

/** Large models or long training with no dropout, weight decay, L2 or augmentation (advice). */
export const noRegularization: LintRule = {
  id: "no-regularization",
  summary: "Large model or long training without any regularisation.",
  thresholds: { longTrainingEpochs: 100, largeLayerCount: 10, largeUnits: 1024 },
  check: (context) => {
    const { model } = context;
    if (model.optimizers.length === 0 && model.fits.length === 0) return [];
    if (model.regularizerLines.length > 0 || model.layers.some((l) => l.kind === "dropout" || l.kind === "augmentation")) return [];
    const why = reason(context);
    if (why === null) return [];
    const line = model.epochs?.span.line ?? model.optimizers[0]?.line ?? model.fits[0]?.line ?? 1;
    return [{ severity: "info", line, message: messages.noRegularization(why), fix: { description: messages.regularizationFix() }, key: "regularization" }];
  },
};
