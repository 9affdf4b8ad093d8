import type { Context } from "probot";
import { loadAppConfig } from "../../config/load.js";
import type { AppDeps } from "../deps.js";
import { downloadRunArtifacts } from "../collect/artifacts.js";
import { CHECK_TRAINING } from "../report/messages.js";
import { renderPrComment } from "../report/pr-comment.js";
import { upsertStickyComment } from "../publish/upsert-comment.js";
import { repoKey } from "../types.js";
import { pullRef } from "./on-pull-request.js";
import { failCheckRun } from "./report-failure.js";
import { finishReproduction, REPRO_ARTIFACT } from "./repro.js";
import { runDelivery } from "./run-delivery.js";
import { runTrainingJob } from "./training-job.js";

type RunContext = Context<"workflow_run.completed">;
const SKIPPED_CONCLUSIONS = new Set(["cancelled", "skipped", "stale"]);

/** Sticky-comment key of a workflow's artifact report (one per workflow, updated on every run). */
export const workflowCommentKey = (workflowId: number): string => `workflow-${workflowId}`;

/**
 * `workflow_run.completed`.
 * Repro workflow runs: ingest result.json and complete the reproduction check run (see repro.ts).
 * Other runs: 1. collect the run's artifacts (name glob, size limit); 2. analyze the logs inside;
 * 3. report + 4. publish a check run on `head_sha`, and the PR comment when the run belongs to a PR.
 * Artifacts of fork runs are only read as data; nothing is dispatched for them.
 */
export function onWorkflowRunCompleted(deps: AppDeps) {
  return async (context: RunContext): Promise<void> => {
    const { workflow_run: wr, repository } = context.payload;
    const repo = context.repo();
    await runDelivery(context, deps, async () => {
      const config = await loadAppConfig(context.octokit, repo, undefined);
      if (wr.path.endsWith(config.config.reproduction.workflow)) {
        // Cancelled or failed repro runs complete their check run too (never left "in progress").
        const experiment = await deps.store.findExperimentBySha(repoKey(repo), wr.head_sha);
        if (experiment?.status === "in_progress") await finishReproduction(context.octokit, deps, repo, experiment, wr, config.config);
        return;
      }
      if (SKIPPED_CONCLUSIONS.has(wr.conclusion ?? "") || !config.config.artifacts.enabled) return;
      const artifacts = await downloadRunArtifacts(context.octokit, repo, wr.id, {
        namePattern: config.config.artifacts.name, maxBytes: config.config.artifacts.maxBytes, exclude: (name) => name === REPRO_ARTIFACT,
      });
      if (artifacts.files.length === 0 && artifacts.issues.length === 0) return;
      const sameRepo = wr.head_repository?.full_name === repository.full_name;
      const pr = wr.pull_requests.find((p) => p !== null) ?? undefined;
      const training = await runTrainingJob(context.octokit, deps, {
        repo, headSha: wr.head_sha, files: artifacts.files, annotatable: new Set(), inputIssues: artifacts.issues, config,
        storeRef: pr !== undefined ? pullRef(pr.number) : sameRepo && wr.event === "push" ? wr.head_branch : null,
        baseRef: pr?.base.ref ?? null, offerReproduce: sameRepo,
      });
      if (pr === undefined || config.config.comment.mode === "off") return;
      const key = workflowCommentKey(wr.workflow_id);
      const body = renderPrComment({ headSha: wr.head_sha, markerKey: key, configIssues: config.issues, notes: [], training });
      await upsertStickyComment(context.octokit, deps.store, { ...repo, issueNumber: pr.number, key, body });
    }, failCheckRun(context.octokit, repo, CHECK_TRAINING, wr.head_sha));
  };
}
