import type { Series } from "./series.js";

/** Log formats Loss Doctor reads. */
export type LogFormat =
  | "tfevents"
  | "keras-csv"
  | "pandas-csv"
  | "lightning-csv"
  | "yolo-csv"
  | "wandb-csv"
  | "mlflow"
  | "csv"
  | "keras-history-json"
  | "hf-trainer-state"
  | "jsonl"
  | "json"
  | "keras-console"
  | "pytorch-console"
  | "hf-console"
  | "text";

/** The training framework that produced the log, when recognisable. */
export type Framework =
  | "keras"
  | "pytorch"
  | "lightning"
  | "huggingface"
  | "yolo"
  | "tensorflow"
  | "unknown";

/** A scalar hyperparameter value as read from a run or a config. */
export type HparamValue = string | number | boolean;

/** Where a run came from. */
export interface RunSource {
  /** User-visible path of the file or directory (or `archive.zip!dir`). */
  path: string;
  format: LogFormat;
  /** The individual files merged into this run, in read order. */
  files: string[];
}

/**
 * One training run: series by tag, plus what is known of its configuration.
 * Produced by ingest, consumed by diagnose, charts, report and repro.
 */
export interface TrainingRun {
  /** Stable, human-readable name (usually the directory or file name). */
  name: string;
  source: RunSource;
  framework: Framework;
  series: Series[];
  /** Hyperparameters recorded by the log itself (TensorBoard hparams plugin, trainer_state, ...). */
  hparams: Record<string, HparamValue>;
}
