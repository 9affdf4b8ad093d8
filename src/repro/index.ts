/**
 * Pure repro API (plan, analysis, result files). The runner is an edge module that loads tfjs:
 * import it from "./runner/run-experiment.js" (runExperiment) only where training happens.
 */
export { ExperimentPlanSchema, type ExperimentPlan, type ExperimentPlanInput, type Arm, type Metric } from "./plan/experiment.schema.js";
export { planExperiment, PLAN_DEFAULTS, type PlanOptions, type PlannableDiagnosis } from "./plan/plan-experiment.js";
export { resolveArm, type ResolvedArm } from "./plan/resolve-arm.js";
export { SCENARIOS, type ScenarioId } from "./plan/scenarios.js";
export { analyzeExperiment, type ExperimentAnalysis, type InterventionResult, type ArmSummary, type Verdict, type AnalyzeOptions } from "./analysis/analyze.js";
export { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from "./analysis/options.js";
export { buildExperimentChart, reproCurvePoints } from "./analysis/chart.js";
export { renderReproSummary, type SummaryContext } from "./analysis/render-summary.js";
export { toReproResultJson, type ReproResultJson } from "./analysis/to-result-json.js";
export { parseReproResult, ReproResultSchema, MAX_RESULT_BYTES } from "./analysis/result.schema.js";
export type { ArmRun, ProgressEvent, RunStatus } from "./types.js";
