import type { Context } from "probot";
import { loadAppConfigCached } from "../../config/load.js";
import type { ParsedAppConfig } from "../../config/parse.js";
import type { AppDeps } from "../deps.js";
import { listPullRequestFiles, type ChangedFile } from "../collect/changed-files.js";
import { MAX_CONFIG_FILE_BYTES } from "../collect/collect-files.js";
import { contentsFromPatches } from "../collect/patch-content.js";
import { CONFIG_PATH } from "../../config/messages.js";
import { CHECK_TRAINING, reportMessages } from "../report/messages.js";
import { REPORT_COMMENT_KEY, renderPrComment } from "../report/pr-comment.js";
import { upsertStickyComment } from "../publish/upsert-comment.js";
import type { GitHub, RepoRef } from "../types.js";
import { collectChanges } from "./collect-changes.js";
import { runConfigJob, type ConfigOutcome } from "./config-job.js";
import { failCheckRun } from "./report-failure.js";
import { runDelivery } from "./run-delivery.js";
import { runTrainingJob, type TrainingOutcome } from "./training-job.js";

/** The fields of a pull request the pipeline needs (from a webhook payload or `pulls.get`). */
export interface PullInfo {
  number: number;
  head: { sha: string; repo: { full_name: string } | null };
  base: { sha: string; ref: string; repo: { full_name: string } };
}

/** The ref under which a PR head's diagnosis is stored (fork branch names could clash with ours). */
export const pullRef = (n: number): string => `refs/pull/${n}/head`;

export const isForkPull = (pr: PullInfo): boolean => pr.head.repo?.full_name !== pr.base.repo.full_name;

async function publishComment(octokit: GitHub, deps: AppDeps, repo: RepoRef, pr: PullInfo, config: ParsedAppConfig, parts: {
  training: TrainingOutcome | null; configs: ConfigOutcome | null; notes: string[]; newPull: boolean;
}): Promise<void> {
  const c = config.config.comment;
  const findings = (parts.training?.summary.runs.some((r) => r.findings.length > 0) ?? false) || (parts.configs?.analysis.head.findings.length ?? 0) > 0;
  if (c.mode === "off" || (c.onlyWithFindings && !findings)) return;
  const body = renderPrComment({
    headSha: pr.head.sha, configIssues: config.issues, notes: parts.notes,
    ...(parts.training === null ? {} : { training: { comparisonMarkdown: parts.training.comparisonMarkdown, reportMarkdown: parts.training.reportMarkdown } }),
    ...(parts.configs === null ? {} : { configMarkdown: parts.configs.markdown }),
  });
  await upsertStickyComment(octokit, deps.store, { ...repo, issueNumber: pr.number, key: REPORT_COMMENT_KEY, body, ...(parts.newPull ? { assumeNew: true } : {}) });
}

/**
 * The config that gates the PR is the base branch's; when the PR edits `.github/loss-doctor.yml`, the
 * problems of its new version are reported too (so a broken config is caught before it is merged).
 */
async function loadGateConfig(octokit: GitHub, deps: AppDeps, repo: RepoRef, pr: PullInfo, files: Promise<ChangedFile[]>): Promise<ParsedAppConfig> {
  const [base, changed] = await Promise.all([loadAppConfigCached(octokit, repo, pr.base.sha, deps.configCache), files]);
  if (!changed.some((f) => f.path === CONFIG_PATH)) return base;
  const head = await loadAppConfigCached(octokit, repo, pr.head.sha, deps.configCache);
  return { ...base, issues: [...base.issues, ...head.issues.map((i) => ({ ...i, message: `${reportMessages.headConfigPrefix()} ${i.message}` }))] };
}

/** Pipeline options: `opened` = a new PR, which cannot have a sticky comment yet (no comment search). */
export interface PullPipelineOptions {
  newPull?: boolean;
}

/**
 * The PR pipeline, shared by `pull_request` and check-run re-runs.
 * 1. collect: changed files, config from the base branch (a PR cannot loosen its own gate; a changed
 *    config is validated too), the files' head (and base) contents;
 * 2. analyze: config gate diff (base vs head), diagnosis compared with the base branch's latest one;
 * 3. report + 4. publish: both check runs, review suggestions, one sticky comment.
 */
export async function runPullRequestPipeline(octokit: GitHub, deps: AppDeps, repo: RepoRef, pr: PullInfo, options: PullPipelineOptions = {}): Promise<void> {
  // The file list and the base config are independent requests: in flight together.
  const listing = listPullRequestFiles(octokit, repo, pr.number);
  const [files, config] = await Promise.all([listing, loadGateConfig(octokit, deps, repo, pr, listing)]);
  const renames = new Map(files.filter((f) => f.previousPath !== undefined).map((f) => [f.path, f.previousPath ?? f.path]));
  // Files the PR adds are complete in their patches: no contents request for them.
  const headContents = contentsFromPatches(files, Math.max(config.config.logs.maxFileBytes, MAX_CONFIG_FILE_BYTES));
  const changes = await collectChanges(octokit, repo, files.map((f) => f.path), config, { head: pr.head.sha, base: pr.base.sha, renames, headContents });
  const configs = changes.configs.length === 0 ? null : await runConfigJob(octokit, deps, {
    repo, headSha: pr.head.sha, head: changes.configs, base: changes.baseConfigs ?? [], config,
    pull: { number: pr.number, patches: new Map(files.map((f) => [f.path, f.patch])) },
  });
  const training = changes.logs.length === 0 ? null : await runTrainingJob(octokit, deps, {
    repo, headSha: pr.head.sha, storeRef: pullRef(pr.number), baseRef: pr.base.ref, files: changes.logs,
    annotatable: new Set(changes.logPaths), inputIssues: changes.issues, config, offerReproduce: !isForkPull(pr),
    ...(configs === null ? {} : { trainingConfig: configs.analysis.trainingConfig }),
  });
  if (training === null && configs === null && config.issues.length === 0) return;
  const notes = training === null ? changes.issues.map((i) => i.message) : [];
  await publishComment(octokit, deps, repo, pr, config, { training, configs, notes, newPull: options.newPull === true });
}

/** `pull_request` opened / synchronize / reopened. */
export function onPullRequest(deps: AppDeps) {
  return async (context: Context<"pull_request.opened" | "pull_request.synchronize" | "pull_request.reopened">): Promise<void> => {
    const pr = context.payload.pull_request;
    const repo = context.repo();
    const newPull = context.payload.action === "opened";
    await runDelivery(context, deps, () => runPullRequestPipeline(context.octokit, deps, repo, pr, { newPull }),
      failCheckRun(context.octokit, repo, CHECK_TRAINING, pr.head.sha));
  };
}
