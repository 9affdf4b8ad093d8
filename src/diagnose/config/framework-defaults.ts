import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";

/** Hugging Face Trainer's `max_grad_norm` default: it clips every run that does not change it. */
export const HF_DEFAULT_MAX_GRAD_NORM = 1.0;

/** The gradient clipping in effect, and whether it is the framework's default rather than a configured value. */
export interface GradClip {
  value: number;
  assumed: boolean;
}

/**
 * Gradient clipping of the run: the configured value (`max_grad_norm`, `clipnorm`, …; 0 = off), else
 * the Hugging Face Trainer's default for a Trainer log, else null (unknown: no clipping assumed).
 */
export function gradClipOf(run: TrainingRun, config: TrainingConfig): GradClip | null {
  const configured = config.extra?.["gradClip"];
  if (typeof configured === "number") return configured > 0 ? { value: configured, assumed: false } : null;
  return run.framework === "huggingface" ? { value: HF_DEFAULT_MAX_GRAD_NORM, assumed: true } : null;
}
