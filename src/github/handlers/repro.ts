import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import type { AppConfig } from "../../config/schema.js";
import { planExperiment } from "../../repro/plan/plan-experiment.js";
import type { ReproResultJson } from "../../repro/analysis/to-result-json.js";
import { MAX_RESULT_BYTES, parseReproResult } from "../../repro/analysis/result.schema.js";
import type { ExperimentRecord } from "../../store/store.js";
import { isDiagnosisSummary, type RunSummary } from "../analyze/summary.js";
import type { AppDeps } from "../deps.js";
import { downloadRunArtifacts } from "../collect/artifacts.js";
import { UserFacingError } from "../errors.js";
import { buildFailureCheckRun } from "../report/check-run-output.js";
import { MAX_DISPATCH_INPUT_CHARS } from "../report/limits.js";
import { CHECK_REPRO, reportMessages } from "../report/messages.js";
import { buildReproResultCheckRun, buildReproStartedCheckRun } from "../report/repro-check-run.js";
import { publishCheckRun } from "../publish/create-check-run.js";
import { repoKey, type GitHub, type RepoRef } from "../types.js";

/** Artifact the reusable workflow (.github/workflows/loss-doctor-repro.yml) uploads, holding result.json. */
export const REPRO_ARTIFACT = "loss-doctor-repro-result";
export const REPRO_RESULT_FILE = "result.json";

/** The run most worth reproducing: the one whose top cause scores highest. */
function pickRun(runs: RunSummary[]): RunSummary | undefined {
  const score = (r: RunSummary): number => Math.max(-1, ...r.causes.map((c) => c.score));
  return [...runs].filter((r) => r.findings.length > 0).sort((a, b) => score(b) - score(a))[0];
}

export interface ReproRequest {
  repo: RepoRef;
  headSha: string;
  branch: string;
  /** Refs the commit's diagnosis may be stored under (PR refs first, then the branch). */
  refs: string[];
  requestedBy: string;
  config: AppConfig;
}

/**
 * Plans an experiment from the stored diagnosis of `headSha`, opens the in-progress
 * "Loss Doctor / reproduction" check run and dispatches the repro workflow on the user's runners.
 * The plan is pure data (no repository code runs). Callers check permissions and forks first.
 */
export async function startReproduction(octokit: GitHub, deps: AppDeps, req: ReproRequest): Promise<ExperimentRecord> {
  const stored = await Promise.all(req.refs.map((ref) => deps.store.latestDiagnosis(repoKey(req.repo), ref, "training")));
  const summary = stored.find((d) => d !== null && d.sha === req.headSha)?.summary;
  const run = isDiagnosisSummary(summary) ? pickRun(summary.runs) : undefined;
  if (run === undefined) throw new UserFacingError(reportMessages.noStoredDiagnosis());
  const id = `exp-${randomBytes(8).toString("hex")}`;
  const seeds = Array.from({ length: req.config.reproduction.seeds }, (_, i) => i + 1);
  const plan = planExperiment(run, { seeds, name: id });
  const inputs = { plan: JSON.stringify(plan), "runs-on": JSON.stringify(req.config.reproduction.runsOn) };
  if (inputs.plan.length + inputs["runs-on"].length > MAX_DISPATCH_INPUT_CHARS) {
    throw new UserFacingError(`The experiment plan is ${inputs.plan.length.toLocaleString("en-US")} characters, above GitHub's ${MAX_DISPATCH_INPUT_CHARS.toLocaleString("en-US")}-character limit for workflow inputs.`);
  }
  const started = buildReproStartedCheckRun(req.headSha, id, reportMessages.ackReproduce(req.requestedBy, req.config.reproduction.runsOn));
  const checkRunId = await publishCheckRun(octokit, req.repo, started);
  await octokit.rest.actions.createWorkflowDispatch({
    ...req.repo, workflow_id: req.config.reproduction.workflow, ref: req.branch,
    inputs,
  });
  const now = deps.now().toISOString();
  const record: ExperimentRecord = {
    id, repo: repoKey(req.repo), sha: req.headSha, checkRunId, status: "in_progress", plan, result: null,
    requestedBy: req.requestedBy, createdAt: now, updatedAt: now,
  };
  await deps.store.saveExperiment(record);
  return record;
}

/** Extracts result.json from the downloaded artifact zip and validates it (pure; untrusted input). */
export function readReproResult(zip: Uint8Array): ReproResultJson {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, { filter: (f) => f.name.split("/").pop() === REPRO_RESULT_FILE && f.originalSize <= MAX_RESULT_BYTES });
  } catch {
    throw new UserFacingError(`The \`${REPRO_ARTIFACT}\` artifact is not a readable zip archive.`);
  }
  const data = Object.values(entries)[0];
  if (data === undefined) throw new UserFacingError(`The \`${REPRO_ARTIFACT}\` artifact holds no ${REPRO_RESULT_FILE} (at most ${MAX_RESULT_BYTES.toLocaleString("en-US")} bytes).`);
  const { result, issues } = parseReproResult(new TextDecoder().decode(data));
  if (result === null) throw new UserFacingError(issues.map((i) => i.message).join("; "));
  return result;
}

/** `workflow_run.completed` of the repro workflow: ingest result.json and complete the check run. */
export async function finishReproduction(
  octokit: GitHub, deps: AppDeps, repo: RepoRef, experiment: ExperimentRecord, run: { id: number; conclusion: string | null; html_url: string },
  config: AppConfig,
): Promise<void> {
  const update = async (status: ExperimentRecord["status"], result: unknown, plan: Parameters<typeof publishCheckRun>[2]): Promise<void> => {
    await publishCheckRun(octokit, repo, plan, experiment.checkRunId ?? undefined);
    await deps.store.saveExperiment({ ...experiment, status, result, updatedAt: deps.now().toISOString() });
  };
  const failed = (message: string) => update("failed", null, { ...buildFailureCheckRun(CHECK_REPRO, experiment.sha, message), externalId: experiment.id });
  if (run.conclusion !== "success") return failed(`The reproduction workflow ended with \`${run.conclusion ?? "unknown"}\`: see ${run.html_url}`);
  const artifacts = await downloadRunArtifacts(octokit, repo, run.id, { namePattern: REPRO_ARTIFACT, maxBytes: config.artifacts.maxBytes });
  const zip = artifacts.files[0];
  if (zip === undefined) return failed(`The workflow run uploaded no \`${REPRO_ARTIFACT}\` artifact: see ${run.html_url}`);
  try {
    const result = readReproResult(zip.data);
    await update("completed", result, buildReproResultCheckRun(experiment.sha, experiment.id, result));
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    await failed(error.message);
  }
}
