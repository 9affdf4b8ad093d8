import type { Context } from "probot";
import { loadAppConfig, loadAppConfigCached } from "../../config/load.js";
import type { AppDeps } from "../deps.js";
import { isBranchTip } from "../collect/branch.js";
import { UserFacingError } from "../errors.js";
import { CHECK_CONFIG, CHECK_REPRO, CHECK_TRAINING, reportMessages } from "../report/messages.js";
import type { GitHub, RepoRef } from "../types.js";
import { collectChanges } from "./collect-changes.js";
import { runConfigJob } from "./config-job.js";
import { isForkPull, pullRef, runPullRequestPipeline } from "./on-pull-request.js";
import { failCheckRun } from "./report-failure.js";
import { startReproduction } from "./repro.js";
import { runDelivery } from "./run-delivery.js";
import { runTrainingJob } from "./training-job.js";

type RerequestContext = Context<"check_run.rerequested">;
type ActionContext = Context<"check_run.requested_action">;
const OUR_CHECKS = new Set([CHECK_TRAINING, CHECK_CONFIG]);
/** Permission levels allowed to start work on the repository's runners. */
const WRITE_LEVELS = new Set(["admin", "write", "maintain"]);

/** Re-run for a commit outside a PR: the files changed by that commit, like a push. */
async function rerunCommit(octokit: GitHub, deps: AppDeps, repo: RepoRef, sha: string, branch: string | null): Promise<void> {
  const [config, { data }] = await Promise.all([
    loadAppConfigCached(octokit, repo, sha, deps.configCache),
    octokit.rest.repos.getCommit({ ...repo, ref: sha }),
  ]);
  const changed = (data.files ?? []).filter((f) => f.status !== "removed").map((f) => f.filename);
  const changes = await collectChanges(octokit, repo, changed, config, { head: sha, base: null });
  const configs = changes.configs.length === 0 ? null : await runConfigJob(octokit, deps, { repo, headSha: sha, head: changes.configs, base: null, config });
  if (changes.logs.length === 0) return;
  const storeRef = branch !== null && (await isBranchTip(octokit, repo, branch, sha)) ? branch : null;
  await runTrainingJob(octokit, deps, {
    repo, headSha: sha, storeRef, baseRef: null, files: changes.logs, annotatable: new Set(changes.logPaths),
    inputIssues: changes.issues, config, offerReproduce: true, ...(configs === null ? {} : { trainingConfig: configs.analysis.trainingConfig }),
  });
}

/** `check_run.rerequested` on one of our checks: run the PR (or commit) pipeline again. */
export function onCheckRunRerequested(deps: AppDeps) {
  return async (context: RerequestContext): Promise<void> => {
    const run = context.payload.check_run;
    if (!OUR_CHECKS.has(run.name)) return;
    const repo = context.repo();
    await runDelivery(context, deps, async () => {
      const number = run.pull_requests[0]?.number;
      if (number !== undefined) {
        const { data: pr } = await context.octokit.rest.pulls.get({ ...repo, pull_number: number });
        if (pr.head.sha === run.head_sha) return runPullRequestPipeline(context.octokit, deps, repo, pr);
      }
      await rerunCommit(context.octokit, deps, repo, run.head_sha, run.check_suite?.head_branch ?? null);
    }, failCheckRun(context.octokit, repo, run.name, run.head_sha));
  };
}

/**
 * Refuses unless the commit is the tip of a branch of this repository (never a fork PR) and the
 * requester has write access; returns the branch and the refs its diagnosis may be stored under.
 */
async function authorizeReproduction(context: ActionContext): Promise<{ branch: string; refs: string[] }> {
  const { check_run: run, sender } = context.payload;
  const repo = context.repo();
  const { data: permission } = await context.octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: sender.login });
  if (!WRITE_LEVELS.has(permission.permission)) throw new UserFacingError(reportMessages.reproduceDenied(sender.login));
  const branch = run.check_suite?.head_branch ?? null;
  if (branch === null) throw new UserFacingError(reportMessages.reproduceFork());
  if (!(await isBranchTip(context.octokit, repo, branch, run.head_sha))) throw new UserFacingError(reportMessages.reproduceFork());
  for (const p of run.pull_requests) {
    const { data: pr } = await context.octokit.rest.pulls.get({ ...repo, pull_number: p.number });
    if (isForkPull(pr)) throw new UserFacingError(reportMessages.reproduceFork());
  }
  return { branch, refs: [...run.pull_requests.map((p) => pullRef(p.number)), branch] };
}

/** `check_run.requested_action` "reproduce": dispatch the repro workflow for writers only. */
export function onCheckRunRequestedAction(deps: AppDeps) {
  return async (context: ActionContext): Promise<void> => {
    const { check_run: run, requested_action: action, sender } = context.payload;
    if (run.name !== CHECK_TRAINING || action?.identifier !== reportMessages.reproduceAction.identifier) return;
    const repo = context.repo();
    await runDelivery(context, deps, async () => {
      const { branch, refs } = await authorizeReproduction(context);
      const { config } = await loadAppConfig(context.octokit, repo, undefined);
      await startReproduction(context.octokit, deps, { repo, headSha: run.head_sha, branch, refs, requestedBy: sender.login, config });
    }, failCheckRun(context.octokit, repo, CHECK_REPRO, run.head_sha));
  };
}
