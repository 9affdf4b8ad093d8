/** Why a run stopped. `completed` is the only status whose curves cover every planned epoch. */
export type RunStatus = "completed" | "aborted" | "time-budget" | "memory-budget" | "failed";

/** One training run of one arm with one seed: the curves the analysis diagnoses. */
export interface ArmRun {
  arm: string;
  seed: number;
  status: RunStatus;
  /** Set when status is `failed`. */
  error?: string;
  /** Mean training loss per epoch (NaN/Infinity kept: they are the symptom). */
  loss: number[];
  /** Validation loss per epoch. */
  valLoss: number[];
  /** Learning rate used in each epoch. */
  lr: number[];
  /** Training loss of every optimizer step. */
  stepLoss: number[];
  /** Training samples processed (for throughput). */
  samples: number;
  durationMs: number;
}

/** Streamed while an experiment runs (the CLI draws its progress bar from these). */
export type ProgressEvent =
  | { type: "run-start"; arm: string; seed: number; index: number; total: number }
  | { type: "epoch"; arm: string; seed: number; epoch: number; epochs: number; loss: number; valLoss: number }
  | { type: "run-end"; arm: string; seed: number; index: number; total: number; status: RunStatus };
