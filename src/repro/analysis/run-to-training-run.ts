import type { TrainingRun } from "../../domain/run.js";
import type { Series } from "../../domain/series.js";
import type { ArmRun } from "../types.js";

function epochSeries(tag: string, role: Series["role"], values: readonly number[]): Series {
  return {
    tag,
    role,
    direction: "lower",
    stepUnit: "epoch",
    steps: Float64Array.from(values, (_, i) => i + 1),
    values: Float64Array.from(values),
  };
}

/** A repro run as a TrainingRun, so the same detectors that read user logs diagnose it. */
export function toTrainingRun(run: ArmRun): TrainingRun {
  const series = [epochSeries("loss", "train-loss", run.loss)];
  if (run.valLoss.length > 0) series.push(epochSeries("val_loss", "val-loss", run.valLoss));
  if (run.lr.length > 0) series.push({ ...epochSeries("lr", "learning-rate", run.lr), direction: "unknown" });
  return {
    name: `${run.arm}#seed${run.seed}`,
    source: { path: `repro:${run.arm}#seed${run.seed}`, format: "json", files: [] },
    framework: "tensorflow",
    series,
    hparams: {},
  };
}
