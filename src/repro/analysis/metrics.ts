import type { Metric } from "../plan/experiment.schema.js";
import type { ArmRun } from "../types.js";
import type { AnalysisOptions } from "./options.js";

/** Numbers measured on one run (raw, not logged). */
export interface RunMetrics {
  finalLoss: number;
  finalValLoss: number;
  bestValLoss: number;
  /** Median |Δ ln loss| between consecutive optimizer steps, second half of training. */
  stepNoise: number;
  /** ln(final val loss) − ln(final train loss). */
  generalizationGap: number;
}

function last(values: readonly number[]): number {
  return values.length === 0 ? NaN : values[values.length - 1]!;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function clampLog(value: number, options: AnalysisOptions): number {
  if (!Number.isFinite(value) || value > options.lossCap) return Math.log(options.lossCap);
  return Math.log(Math.max(value, options.lossFloor));
}

function stepNoise(steps: readonly number[], options: AnalysisOptions): number {
  const tail = steps.slice(steps.length >> 1);
  const diffs: number[] = [];
  for (let i = 1; i < tail.length; i++) diffs.push(Math.abs(clampLog(tail[i]!, options) - clampLog(tail[i - 1]!, options)));
  return diffs.length === 0 ? NaN : median(diffs);
}

export function measureRun(run: ArmRun, options: AnalysisOptions): RunMetrics {
  const finite = run.valLoss.filter(Number.isFinite);
  const finalLoss = last(run.loss);
  const finalValLoss = last(run.valLoss);
  return {
    finalLoss,
    finalValLoss,
    bestValLoss: finite.length === 0 ? NaN : Math.min(...finite),
    stepNoise: stepNoise(run.stepLoss, options),
    generalizationGap: clampLog(finalValLoss, options) - clampLog(finalLoss, options),
  };
}

/** The value the significance test compares (lower is better; log scale, non-finite capped). */
export function metricValue(metrics: RunMetrics, metric: Metric, options: AnalysisOptions): number {
  switch (metric) {
    case "final-loss":
      return clampLog(metrics.finalLoss, options);
    case "final-val-loss":
      return clampLog(metrics.finalValLoss, options);
    case "step-noise":
      return Number.isFinite(metrics.stepNoise) ? Math.log(Math.max(metrics.stepNoise, options.lossFloor)) : Math.log(options.lossCap);
    case "generalization-gap":
      return metrics.generalizationGap;
  }
}

export { median };
