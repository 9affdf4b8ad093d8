import type { ExperimentPlan } from "../plan/experiment.schema.js";
import type { ArmRun } from "../types.js";
import type { ArmSummary, ExperimentAnalysis, InterventionResult } from "./analyze.js";

/** The result file (`--out result.json`, the Actions artifact). Non-finite numbers become null. */
export interface ReproResultJson {
  version: 1;
  backend: string;
  /** Faster backends that could not be loaded, and why. */
  skippedBackends: { backend: string; reason: string }[];
  durationMs: number;
  plan: ExperimentPlan;
  arms: ArmSummary[];
  interventions: InterventionResult[];
  runs: (Omit<ArmRun, "stepLoss"> & { symptoms: string[] })[];
  notes: string[];
}

/** Builds the JSON result; per-step losses are left out (they can be 100k points). */
export function toReproResultJson(input: ExperimentAnalysis & { backend: { backend: string; skipped: { backend: string; reason: string }[] }; plan: ExperimentPlan; runs: ArmRun[]; durationMs: number; notes: string[] }): ReproResultJson {
  const symptomsOf = (run: Pick<ArmRun, "arm" | "seed">): string[] => input.analyzedRuns.find((r) => r.arm === run.arm && r.seed === run.seed)?.symptoms ?? [];
  return {
    version: 1,
    backend: input.backend.backend,
    skippedBackends: input.backend.skipped,
    durationMs: input.durationMs,
    plan: input.plan,
    arms: input.arms,
    interventions: input.interventions,
    runs: input.runs.map(({ stepLoss: _steps, ...run }) => ({ ...run, symptoms: symptomsOf(run) })),
    notes: input.notes,
  };
}
