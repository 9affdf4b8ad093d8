import type { Finding } from "../../domain/finding.js";
import type { Metric } from "../plan/experiment.schema.js";
import type { ArmRun } from "../types.js";
import type { RunMetrics } from "./metrics.js";
import type { AnalysisOptions } from "./options.js";

/**
 * Detector ids (from src/diagnose) and repro-specific symptom ids that count as "the problem" for
 * each measured metric. The repro ids are measured directly on the runs:
 * - `no-progress`: the final training loss is non-finite, ≥ noProgressFraction × the first epoch's, or
 *   (cross-entropy) no better than guessing: ≥ noProgressFraction × ln(classes);
 * - `unstable-steps`: per-step loss jumps (median |Δ ln loss|) ≥ unstableStepNoise;
 * - `val-rising`: the final val loss is ≥ (1 + valRise) × its best.
 */
export const METRIC_SYMPTOMS: Readonly<Record<Metric, readonly string[]>> = {
  "final-loss": ["non-finite", "divergence", "oscillation", "plateau", "slow-convergence", "no-progress"],
  "final-val-loss": ["non-finite", "divergence", "overfitting", "val-rising"],
  "step-noise": ["noisy", "spikes", "oscillation", "unstable-steps"],
  "generalization-gap": ["overfitting", "val-rising"],
};

/** Repro-specific symptoms measured on one run. */
export function measuredSymptoms(run: ArmRun, metrics: RunMetrics, chanceLoss: number | null, options: AnalysisOptions): string[] {
  const out: string[] = [];
  const first = run.loss[0];
  const stuck = (reference: number | null | undefined): boolean => reference != null && Number.isFinite(reference) && metrics.finalLoss >= options.noProgressFraction * reference;
  if (!Number.isFinite(metrics.finalLoss) || stuck(first) || stuck(chanceLoss)) out.push("no-progress");
  if (Number.isFinite(metrics.stepNoise) && metrics.stepNoise >= options.unstableStepNoise) out.push("unstable-steps");
  if (Number.isFinite(metrics.bestValLoss) && (!Number.isFinite(metrics.finalValLoss) || metrics.finalValLoss >= (1 + options.valRise) * metrics.bestValLoss)) out.push("val-rising");
  return out;
}

/** All symptom ids of a run: detector findings (warning or worse) plus measured symptoms. */
export function runSymptoms(findings: readonly Finding[], measured: readonly string[]): string[] {
  const fromDetectors = findings.filter((f) => f.severity !== "info").map((f) => f.id);
  return [...new Set([...fromDetectors, ...measured])].sort();
}
