import type { Issue } from "../../domain/issue.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { InputFile } from "../../ingest/types.js";
import type { ParsedAppConfig } from "../../config/parse.js";
import type { DiagnoseReport } from "../../diagnose/diagnose.js";
import { analyzeLogs } from "../analyze/analyze-logs.js";
import { isDiagnosisSummary, type DiagnosisSummary } from "../analyze/summary.js";
import type { AppDeps } from "../deps.js";
import { buildTrainingCheckRun } from "../report/check-run-output.js";
import { compareWithBase, renderComparison } from "../report/comparison.js";
import { chartImages, renderTrainingMarkdown } from "../report/training-markdown.js";
import { publishCharts, type PublishedChart } from "../publish/publish-charts.js";
import { publishCheckRun } from "../publish/create-check-run.js";
import { repoKey, type GitHub, type RepoRef } from "../types.js";
import type { DiagnosisRecord } from "../../store/store.js";

export interface TrainingJob {
  repo: RepoRef;
  headSha: string;
  /** Ref the diagnosis is stored under (branch, or `refs/pull/N/head`); null = do not store. */
  storeRef: string | null;
  /** Branch to compare with (a PR's base); null = no comparison. */
  baseRef: string | null;
  files: InputFile[];
  /** Repository paths the check run may annotate. */
  annotatable: ReadonlySet<string>;
  /** Download problems to show next to the findings. */
  inputIssues: Issue[];
  config: ParsedAppConfig;
  trainingConfig?: TrainingConfig;
  /** Update this check run instead of creating one (re-runs). */
  checkRunId?: number;
  /** Offer the Reproduce button (never on fork PRs). */
  offerReproduce: boolean;
}

export interface TrainingOutcome {
  report: DiagnoseReport;
  summary: DiagnosisSummary;
  reportMarkdown: string;
  comparisonMarkdown: string;
  checkRunId: number;
}

/** The base branch's latest stored diagnosis (started early: it overlaps with analysis and chart upload). */
function loadBase(deps: AppDeps, job: TrainingJob): Promise<DiagnosisRecord | null> {
  return job.baseRef === null ? Promise.resolve(null) : deps.store.latestDiagnosis(repoKey(job.repo), job.baseRef, "training");
}

function comparisonMarkdown(job: TrainingJob, base: DiagnosisRecord | null, summary: DiagnosisSummary): string {
  if (job.baseRef === null) return "";
  const comparison = base !== null && isDiagnosisSummary(base.summary) ? compareWithBase(summary, base.summary) : null;
  return renderComparison(comparison, job.baseRef);
}

/**
 * Training logs → "Loss Doctor / training" check run. Steps 2–4 of every handler that reads logs:
 * analyze (ingest + diagnose), report (compare with the base, render within limits), publish (charts,
 * check run with batched annotations, stored diagnosis for later comparisons). Independent round trips
 * overlap: the base diagnosis is read while the logs are analyzed, and the new diagnosis is stored while
 * the check run is created.
 */
export async function runTrainingJob(octokit: GitHub, deps: AppDeps, job: TrainingJob): Promise<TrainingOutcome> {
  const { config } = job.config;
  const basePromise = loadBase(deps, job);
  basePromise.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  const { report, summary } = analyzeLogs(job.files, config, job.trainingConfig, job.inputIssues, deps.scanKernel);
  const charts: PublishedChart[] | null = deps.hosting !== null && config.charts.enabled && report.runs.length > 0
    ? await publishCharts(deps.store, deps.hosting, repoKey(job.repo), report.runs, { theme: config.charts.theme, now: deps.now })
    : null;
  const reportMarkdown = renderTrainingMarkdown(report, charts, config.charts.enabled);
  const comparison = comparisonMarkdown(job, await basePromise, summary);
  const plan = buildTrainingCheckRun({
    headSha: job.headSha, summary, failOn: config.checks.failOnTraining, reportMarkdown, comparisonMarkdown: comparison,
    configIssues: job.config.issues, annotatable: job.annotatable, images: chartImages(charts),
    offerReproduce: job.offerReproduce && config.reproduction.enabled,
  });
  const save = job.storeRef === null ? Promise.resolve()
    : deps.store.saveDiagnosis({ repo: repoKey(job.repo), ref: job.storeRef, sha: job.headSha, kind: "training", summary, createdAt: deps.now().toISOString() });
  const [checkRunId] = await Promise.all([publishCheckRun(octokit, job.repo, plan, job.checkRunId), save]);
  return { report, summary, reportMarkdown, comparisonMarkdown: comparison, checkRunId };
}
