import type { ScanKernelFactory } from "../../ingest/formats/tfevents/scan-kernel.js";
import type { InputFile } from "../../ingest/types.js";
import { ingestFiles } from "../../ingest/ingest.js";
import { diagnoseIngested, type DiagnoseReport } from "../../diagnose/diagnose.js";
import type { AppConfig } from "../../config/schema.js";
import type { Issue } from "../../domain/issue.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { summarizeDiagnosis, type DiagnosisSummary } from "./summary.js";

/** Result of the analyze step for training logs. */
export interface LogAnalysis {
  report: DiagnoseReport;
  summary: DiagnosisSummary;
}

/**
 * Ingests and diagnoses downloaded logs with the repository's detector settings (pure).
 * `trainingConfig` comes from the config gate's facts when the same change touched configs;
 * `inputIssues` (download problems) are listed first among the report's issues; `scanKernel` is the
 * WebAssembly tfevents loop when the app loaded it.
 */
export function analyzeLogs(files: InputFile[], config: AppConfig, trainingConfig?: TrainingConfig, inputIssues: Issue[] = [], scanKernel?: ScanKernelFactory | undefined): LogAnalysis {
  const ingested = ingestFiles(files, { limits: { maxFileBytes: config.logs.maxFileBytes }, scanKernel });
  ingested.issues.unshift(...inputIssues);
  const report = diagnoseIngested(ingested, {
    ...(trainingConfig === undefined ? {} : { config: trainingConfig }),
    detect: { disabled: config.detectors.disabled, thresholds: config.detectors.thresholds },
  });
  return { report, summary: summarizeDiagnosis(report) };
}
