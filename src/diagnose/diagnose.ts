import type { Cause, Finding, Recommendation } from "../domain/finding.js";
import type { Issue } from "../domain/issue.js";
import type { TrainingRun } from "../domain/run.js";
import type { TrainingConfig } from "../domain/training-config.js";
import type { IngestResult } from "../ingest/types.js";
import { rankCauses, type RankCausesOptions } from "./causes/rank-causes.js";
import { computeSignals } from "./causes/signals.js";
import { mergeConfigs, normalizeHparams } from "./config/normalize-hparams.js";
import { detectFindings, type DetectOptions } from "./detect.js";
import { recommendFixes, type RecommendOptions } from "./recommendations/recommend.js";
import { withLoggedLr } from "./recommendations/logged-lr.js";

/** The diagnosis of one run. */
export interface RunDiagnosis {
  run: TrainingRun;
  /** Effective configuration: run hparams, then `options.config` (later wins). */
  config: TrainingConfig;
  findings: Finding[];
  causes: Cause[];
  recommendations: Recommendation[];
}

export interface DiagnoseOptions {
  /** Facts from `--config`/`--hparam`/the config linter; override the run's own hparams. */
  config?: TrainingConfig;
  detect?: DetectOptions;
  causes?: RankCausesOptions;
  recommend?: RecommendOptions;
}

export interface DiagnoseReport {
  runs: RunDiagnosis[];
  issues: Issue[];
}

/**
 * Diagnoses one run. Pure and deterministic.
 *
 * 1. config = normalizeHparams(run.hparams) merged with options.config
 * 2. findings = detectFindings(run) (numClasses from the config when known)
 * 3. causes = rankCauses(findings + config + curve signals)
 * 4. recommendations = concrete fixes for the top causes (lr from the logged rate when the config has none)
 */
export function diagnoseRun(run: TrainingRun, options: DiagnoseOptions = {}): RunDiagnosis {
  const config = mergeConfigs(normalizeHparams(run.hparams), options.config ?? {});
  const detectOptions: DetectOptions = { ...options.detect };
  if (detectOptions.numClasses === undefined && config.numClasses !== undefined) detectOptions.numClasses = config.numClasses;
  const findings = detectFindings(run, detectOptions);
  const signals = computeSignals(run, config, findings);
  const causes = rankCauses(run, config, findings, options.causes, signals);
  const recommendations = recommendFixes(run, withLoggedLr(config, run), findings, signals, causes, options.recommend);
  return { run, config, findings, causes, recommendations };
}

/** Diagnoses every run of an ingest result; ingest issues are passed through. */
export function diagnoseIngested(result: IngestResult, options: DiagnoseOptions = {}): DiagnoseReport {
  return { runs: result.runs.map((run) => diagnoseRun(run, options)), issues: [...result.issues] };
}
