import { num } from "../causes/helpers.js";
import { strongest } from "../causes/signals.js";
import { clampRound, evaluationCount } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Patience = evaluations / this, clamped to [MIN_PATIENCE, MAX_PATIENCE] (AUTOTRAINER uses epochs/15, at least 3). */
export const PATIENCE_DIVISOR = 10;
export const MIN_PATIENCE = 3;
export const MAX_PATIENCE = 20;

/** Keras logs validation metrics as `val_<name>`; anything else is monitored as `val_loss`. */
const KERAS_MONITOR = /^val_\w+$/;

/** Hugging Face Trainer: its own callback, keeping the best checkpoint by eval_loss. */
function trainerCode(patience: number): string {
  return [
    "from transformers import EarlyStoppingCallback, Trainer, TrainingArguments",
    "args = TrainingArguments(..., load_best_model_at_end=True, metric_for_best_model=\"eval_loss\", greater_is_better=False)",
    `trainer = Trainer(model=model, args=args, ..., callbacks=[EarlyStoppingCallback(early_stopping_patience=${patience})])`,
  ].join("\n");
}

/** early-stopping: monitor val_loss, patience from the run length, restore the best weights (best val step from the overfitting finding). */
export const earlyStopping: RecommendationBuilder = {
  id: "early-stopping",
  build(context) {
    if (context.config.earlyStopping === true) return null;
    const overfit = strongest(context.findings, "overfitting");
    const bestStep = num(overfit, "bestStep") ?? null;
    const patience = clampRound(evaluationCount(context) / PATIENCE_DIVISOR, MIN_PATIENCE, MAX_PATIENCE);
    const unit = context.run.series.find((s) => s.tag === overfit?.series)?.stepUnit ?? "step";
    const monitored = overfit?.series ?? "val_loss";
    const monitor = KERAS_MONITOR.test(monitored) ? monitored : "val_loss";
    const at = bestStep === null ? "" : ` (best ${monitored} at ${unit} ${bestStep})`;
    return {
      id: "early-stopping", cause: context.cause.id, parameter: "early_stopping",
      current: context.config.earlyStopping === false ? "off" : null,
      proposed: context.run.framework === "huggingface"
        ? `EarlyStoppingCallback(early_stopping_patience=${patience}) with load_best_model_at_end=True${at}`
        : `EarlyStopping(monitor="${monitor}", patience=${patience}, restore_best_weights=True)${at}`,
      why: recMessages.earlyStopping.why(bestStep, patience, unit),
      expectedEffect: recMessages.earlyStopping.effect,
      code: {
        keras: `early_stop = keras.callbacks.EarlyStopping(monitor="${monitor}", patience=${patience}, restore_best_weights=True)\nmodel.fit(..., validation_data=(x_val, y_val), callbacks=[early_stop])`,
        pytorch: context.run.framework === "huggingface" ? trainerCode(patience) : [
          `best, bad_epochs, patience = float("inf"), 0, ${patience}`,
          "for epoch in range(epochs):",
          "    train_one_epoch(model, train_loader, optimizer)",
          "    val_loss = evaluate(model, val_loader)",
          "    if val_loss < best:",
          "        best, bad_epochs = val_loss, 0",
          "        torch.save(model.state_dict(), \"best.pt\")",
          "    else:",
          "        bad_epochs += 1",
          "        if bad_epochs >= patience:",
          "            break",
          "model.load_state_dict(torch.load(\"best.pt\"))",
        ].join("\n"),
      },
    };
  },
};
