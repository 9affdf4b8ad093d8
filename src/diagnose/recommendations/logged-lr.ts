import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { maxOf } from "../../domain/extremes.js";
import { pickSeries } from "../causes/curve-stats.js";

/**
 * The config the fixes are computed from: when it does not say the learning rate but the run logged
 * one, the highest logged value — the rate the schedule starts from or warms up to, which is what a
 * `learning_rate` argument sets. So a Hugging Face run at 3e-5 is told "3e-5 → 3e-6", not shown a
 * snippet with an assumed 1e-3. Cause scoring keeps the config as given: a logged rate is evidence the
 * detectors already read from the curve.
 */
export function withLoggedLr(config: TrainingConfig, run: TrainingRun): TrainingConfig {
  if (config.lr !== undefined) return config;
  const series = pickSeries(run, "learning-rate");
  const peak = series === undefined ? Number.NaN : maxOf(series.values);
  return Number.isFinite(peak) && peak > 0 ? { ...config, lr: peak } : config;
}
