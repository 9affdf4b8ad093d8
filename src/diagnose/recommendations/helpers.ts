import type { Series } from "../../domain/series.js";
import { pickSeries } from "../causes/curve-stats.js";
import { optimizerFamily } from "../causes/helpers.js";
import { formatNumber } from "../format-number.js";
import type { RecommendationContext } from "./types.js";

/** Number of evaluations (epochs) the run logged: validation series first, then training, then config. */
export function evaluationCount(context: RecommendationContext): number {
  const val: Series | undefined = pickSeries(context.run, "val-loss");
  if (val !== undefined) return val.values.length;
  const train = pickSeries(context.run, "train-loss");
  if (train?.stepUnit === "epoch") return train.values.length;
  return context.config.epochs ?? train?.values.length ?? 0;
}

/** Clamps to [min, max] and rounds. */
export function clampRound(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}

/** Python literal for a number: 0.001 → "1e-3", 32 → "32". */
export function py(value: number): string {
  return formatNumber(value);
}

/** Keras optimizer constructor for the configured optimizer. */
export function kerasOptimizer(context: RecommendationContext, lr: string): string {
  const family = optimizerFamily(context.config);
  if (family === "sgd") return `keras.optimizers.SGD(learning_rate=${lr}, momentum=${py(context.config.momentum ?? 0.9)})`;
  const name = context.config.optimizer === "adamw" ? "AdamW" : context.config.optimizer === "rmsprop" ? "RMSprop" : "Adam";
  return `keras.optimizers.${name}(learning_rate=${lr})`;
}

/** PyTorch optimizer constructor for the configured optimizer. */
export function torchOptimizer(context: RecommendationContext, lr: string, extra = ""): string {
  const family = optimizerFamily(context.config);
  if (family === "sgd") return `torch.optim.SGD(model.parameters(), lr=${lr}, momentum=${py(context.config.momentum ?? 0.9)}${extra})`;
  const name = context.config.optimizer === "adamw" ? "AdamW" : context.config.optimizer === "rmsprop" ? "RMSprop" : "Adam";
  return `torch.optim.${name}(model.parameters(), lr=${lr}${extra})`;
}

/** Current value of a config field as display text (null when unknown). */
export function current(value: number | boolean | string | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "number" ? formatNumber(value) : String(value);
}
