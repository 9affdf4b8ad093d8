import type { Context } from "probot";
import { loadAppConfig } from "../../config/load.js";
import type { AppDeps } from "../deps.js";
import { pushChangedPaths } from "../collect/changed-files.js";
import { CHECK_TRAINING } from "../report/messages.js";
import { collectChanges } from "./collect-changes.js";
import { runConfigJob } from "./config-job.js";
import { failCheckRun } from "./report-failure.js";
import { runDelivery } from "./run-delivery.js";
import { runTrainingJob } from "./training-job.js";

const BRANCH_PREFIX = "refs/heads/";

/**
 * `push`: diagnose the logs (and lint the configs) changed by the pushed commits.
 * 1. collect: repository config at the head commit, changed paths matching its globs, their contents;
 * 2. analyze: config gate (its facts feed the diagnosis), ingest + diagnose;
 * 3. report + 4. publish: check runs on the head commit; the diagnosis is stored under the branch so
 *    PRs into it can compare against it.
 */
export function onPush(deps: AppDeps) {
  return async (context: Context<"push">): Promise<void> => {
    const { payload } = context;
    if (payload.deleted || !payload.ref.startsWith(BRANCH_PREFIX) || payload.commits.length === 0) return;
    const repo = context.repo();
    const headSha = payload.after;
    await runDelivery(context, deps, async () => {
      const config = await loadAppConfig(context.octokit, repo, headSha);
      const changes = await collectChanges(context.octokit, repo, pushChangedPaths(payload.commits), config, { head: headSha, base: null });
      const configOutcome = changes.configs.length === 0 ? null
        : await runConfigJob(context.octokit, deps, { repo, headSha, head: changes.configs, base: null, config });
      if (changes.logs.length === 0) return;
      await runTrainingJob(context.octokit, deps, {
        repo, headSha, storeRef: payload.ref.slice(BRANCH_PREFIX.length), baseRef: null, files: changes.logs,
        annotatable: new Set(changes.logPaths), inputIssues: changes.issues, config, offerReproduce: true,
        ...(configOutcome === null ? {} : { trainingConfig: configOutcome.analysis.trainingConfig }),
      });
    }, failCheckRun(context.octokit, repo, CHECK_TRAINING, headSha));
  };
}
