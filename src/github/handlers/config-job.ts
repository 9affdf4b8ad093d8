import { createHash } from "node:crypto";
import type { ParsedAppConfig } from "../../config/parse.js";
import { analyzeConfigs, type ConfigAnalysis, type SourceText } from "../analyze/analyze-configs.js";
import type { AppDeps } from "../deps.js";
import { buildConfigCheckRun, renderConfigReport } from "../report/config-check-run.js";
import { buildReviewSuggestions, type ReviewSuggestion } from "../report/review-suggestions.js";
import { publishCheckRun } from "../publish/create-check-run.js";
import { createSuggestionReview } from "../publish/review-suggestions.js";
import { repoKey, type GitHub, type RepoRef } from "../types.js";

export interface ConfigJob {
  repo: RepoRef;
  headSha: string;
  head: SourceText[];
  /** Base versions of the same files (PRs); null on pushes. */
  base: SourceText[] | null;
  config: ParsedAppConfig;
  /** For PRs: where review suggestions go, and each file's patch (suggestions only on diff lines). */
  pull?: { number: number; patches: ReadonlyMap<string, string | undefined> };
}

export interface ConfigOutcome {
  analysis: ConfigAnalysis;
  markdown: string;
  checkRunId: number;
}

/** Store key remembering that a suggestion (path, line, exact text) was posted on a PR. */
function suggestionKey(job: ConfigJob, s: ReviewSuggestion) {
  const digest = createHash("sha256").update(`${s.path}\n${s.line}\n${s.body}`).digest("hex").slice(0, 16);
  return { repo: repoKey(job.repo), issueNumber: job.pull?.number ?? 0, key: `suggestion:${digest}` };
}

/** Drops suggestions already posted on this PR (a re-push must not repeat them); remembers new ones. */
async function freshSuggestions(deps: AppDeps, job: ConfigJob, all: ReviewSuggestion[]): Promise<ReviewSuggestion[]> {
  const fresh: ReviewSuggestion[] = [];
  for (const s of all) {
    if ((await deps.store.getCommentId(suggestionKey(job, s))) === null) fresh.push(s);
  }
  return fresh;
}

/**
 * Changed training configs → "Loss Doctor / training config" check run (+ review suggestions on PRs).
 * Steps 2–4: analyze (lint head and base, diff), report, publish.
 */
export async function runConfigJob(octokit: GitHub, deps: AppDeps, job: ConfigJob): Promise<ConfigOutcome> {
  const { config } = job.config;
  const analysis = await analyzeConfigs(job.head, job.base, config);
  const plan = buildConfigCheckRun({ headSha: job.headSha, analysis, failOn: config.checks.failOnConfig, configIssues: job.config.issues });
  const checkRunId = await publishCheckRun(octokit, job.repo, plan);
  if (job.pull !== undefined && config.configGate.suggestions) {
    const files = new Map(job.head.map((s) => [s.path, { text: s.text, patch: job.pull?.patches.get(s.path) }]));
    const introduced = analysis.diff?.introduced ?? analysis.head.findings;
    const suggestions = await freshSuggestions(deps, job, buildReviewSuggestions(introduced, files));
    const reviewId = await createSuggestionReview(octokit, job.repo, job.pull.number, job.headSha, suggestions);
    if (reviewId !== null) for (const s of suggestions) await deps.store.setCommentId(suggestionKey(job, s), reviewId);
  }
  await deps.store.saveDiagnosis({ repo: repoKey(job.repo), ref: job.headSha, sha: job.headSha, kind: "config", summary: analysis.head, createdAt: deps.now().toISOString() });
  return { analysis, markdown: renderConfigReport(analysis), checkRunId };
}
