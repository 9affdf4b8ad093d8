/**
 * What a series means for diagnosis. Parsers map tag names to roles (see ingest/roles.ts).
 * `train-metric`/`val-metric` are non-loss quality metrics such as accuracy, F1, mAP or perplexity.
 */
export type SeriesRole =
  | "train-loss"
  | "val-loss"
  | "train-metric"
  | "val-metric"
  | "learning-rate"
  | "grad-norm"
  | "other";

/** Whether smaller or larger values are better. Losses are `lower`; accuracy-like metrics `higher`. */
export type MetricDirection = "lower" | "higher" | "unknown";

/** Unit of the x axis. */
export type StepUnit = "step" | "epoch";

/**
 * One scalar time series, as TensorBoard stores it: points ordered by step, values kept as logged
 * (NaN and ±Infinity are evidence and are never dropped).
 *
 * Invariants: `steps.length === values.length` (and `wallTimes.length` when present); steps are
 * non-decreasing.
 */
export interface Series {
  /** Tag as it appears in the log (`loss`, `val_loss`, `train/loss`, `metrics/mAP_0.5`). */
  tag: string;
  role: SeriesRole;
  direction: MetricDirection;
  stepUnit: StepUnit;
  steps: Float64Array;
  values: Float64Array;
  /** Seconds since the Unix epoch, when the log records it. */
  wallTimes?: Float64Array;
}
