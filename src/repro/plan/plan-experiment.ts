import type { Cause, Finding, Recommendation } from "../../domain/finding.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { planBaseline } from "./baseline.js";
import { ExperimentPlanSchema, type ArmInput, type ExperimentPlan, type TrainingSpec } from "./experiment.schema.js";
import { interventionFor } from "./interventions.js";

/** What the planner reads from a diagnosis (structurally RunDiagnosis from src/diagnose). */
export interface PlannableDiagnosis {
  causes: Cause[];
  recommendations: Recommendation[];
  config: TrainingConfig;
  findings: Finding[];
}

export interface PlanOptions {
  /** Default [1, 2, 3]: symptoms are seed-dependent, one seed proves nothing. */
  seeds?: number[];
  /** Interventions besides the baseline. Default 3 (the standard 4-arm plan). */
  maxInterventions?: number;
  /** Causes scoring below this are not tested. Default 0.2. */
  minCauseScore?: number;
  /** Input shape of the user's model without the batch axis (e.g. [28, 28, 1]); default [16]. */
  inputShape?: number[];
  numClasses?: number;
  /** Wall-clock budget of the experiment in ms. Default 120000. */
  timeMs?: number;
  name?: string;
}

export const PLAN_DEFAULTS = { seeds: [1, 2, 3], maxInterventions: 3, minCauseScore: 0.2, timeMs: 120_000 };

function symptomsOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity !== "info").map((f) => f.id))].sort();
}

/**
 * Turns a diagnosis into an experiment plan. Pure and deterministic.
 *
 * 1. rank causes (score ≥ minCauseScore, best first);
 * 2. baseline = the user's config where known, the top cause's anti-pattern where not (each assumed
 *    value is listed in `source.assumptions`);
 * 3. one arm per testable cause (lower lr, larger batch, L2+dropout, normalise inputs, BatchNorm, a
 *    ReduceLROnPlateau schedule, He init, Adam, shuffling), deduplicated by arm id, up to maxInterventions.
 */
export function planExperiment(diagnosis: PlannableDiagnosis, options: PlanOptions = {}): ExperimentPlan {
  const minScore = options.minCauseScore ?? PLAN_DEFAULTS.minCauseScore;
  const ranked = [...diagnosis.causes].filter((c) => c.score >= minScore).sort((a, b) => b.score - a.score);
  // Only the top cause may fill unknown config values with its anti-pattern: assuming several at
  // once would make every single fix look ineffective.
  const causes = new Set(ranked.slice(0, 1).map((c) => c.id));
  const base = planBaseline({ config: diagnosis.config, causes, ...(options.inputShape === undefined ? {} : { inputShape: options.inputShape }), ...(options.numClasses === undefined ? {} : { numClasses: options.numClasses }) });
  const training = ExperimentPlanSchema.shape.training.parse(base.training) as TrainingSpec;
  const arms: ArmInput[] = [{ id: "baseline", description: "your configuration (assumed values listed in source.assumptions)" }];
  for (const cause of ranked) {
    if (arms.length > (options.maxInterventions ?? PLAN_DEFAULTS.maxInterventions)) break;
    const arm = interventionFor(cause.id, { training, rawInputs: base.data.kind === "synthetic" && base.data.scale === "raw-0-255", config: diagnosis.config, recommendations: diagnosis.recommendations });
    if (arm !== null && !arms.some((a) => a.id === arm.id)) arms.push(arm);
  }
  return ExperimentPlanSchema.parse({
    name: options.name ?? "experiment",
    symptoms: symptomsOf(diagnosis.findings),
    model: base.model,
    data: base.data,
    training: base.training,
    arms,
    seeds: options.seeds ?? PLAN_DEFAULTS.seeds,
    budget: { timeMs: options.timeMs ?? PLAN_DEFAULTS.timeMs },
    source: { causes: ranked.map((c) => c.id), assumptions: base.assumptions },
  });
}
