import { messages } from "../messages.js";
import { threshold, type LintRule } from "./rule.js";

/** Long training at a constant learning rate (advice). */
export const noLrSchedule: LintRule = {
  id: "no-lr-schedule",
  summary: "Long training with a constant learning rate.",
  thresholds: { minEpochs: 30 },
  check: (context) => {
    const { model } = context;
    const optimizer = model.optimizers[0];
    if (optimizer === undefined || model.scheduleLines.length > 0) return [];
    const epochs = model.epochs?.value;
    const explicit = model.extra["scheduleDisabled"] === true;
    const long = typeof epochs === "number" && epochs >= threshold(context, "minEpochs");
    if (!explicit && !long) return [];
    const line = model.epochs?.span.line ?? optimizer.line;
    return [{ severity: "info", line, message: messages.noLrSchedule(long ? Number(epochs) : null), fix: { description: messages.scheduleFix() }, key: "lrSchedule" }];
  },
};
