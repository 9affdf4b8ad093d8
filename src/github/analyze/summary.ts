import type { Cause, Finding, Recommendation } from "../../domain/finding.js";
import type { Issue } from "../../domain/issue.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { DiagnoseReport } from "../../diagnose/diagnose.js";

/** A finding as stored for base-vs-head comparison and experiment planning (findings hold no series data). */
export type FindingSummary = Finding;

export interface RunSummary {
  name: string;
  /** Path of the log the run came from (repo path, `artifact.zip!inner`, or pasted name). */
  source: string;
  files: string[];
  findings: FindingSummary[];
  causes: Cause[];
  recommendations: Recommendation[];
  config: TrainingConfig;
}

/** The JSON stored per (repo, ref, sha) and compared with a PR's base; plain data only. */
export interface DiagnosisSummary {
  version: 1;
  runs: RunSummary[];
  issues: Issue[];
}

/** Reduces a diagnosis to the stored summary (pure; drops the series). */
export function summarizeDiagnosis(report: DiagnoseReport): DiagnosisSummary {
  return {
    version: 1,
    runs: report.runs.map((d) => ({
      name: d.run.name,
      source: d.run.source.path,
      files: d.run.source.files,
      findings: d.findings.map((f) => ({ ...f })),
      causes: d.causes,
      recommendations: d.recommendations,
      config: d.config,
    })),
    issues: [...report.issues],
  };
}

/** Type guard for a stored summary (stored JSON may predate this version). */
export function isDiagnosisSummary(value: unknown): value is DiagnosisSummary {
  return typeof value === "object" && value !== null && (value as { version?: unknown }).version === 1 && Array.isArray((value as { runs?: unknown }).runs);
}
