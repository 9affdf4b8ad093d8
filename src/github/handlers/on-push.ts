import type { Context } from "probot";
import { isCommitSha } from "../../config/config-cache.js";
import { isCacheableConfig, loadAppConfigCached } from "../../config/load.js";
import { CONFIG_PATH } from "../../config/messages.js";
import type { ParsedAppConfig } from "../../config/parse.js";
import type { AppDeps } from "../deps.js";
import { pushChangedPaths } from "../collect/changed-files.js";
import { CHECK_TRAINING } from "../report/messages.js";
import { collectChanges } from "./collect-changes.js";
import { runConfigJob } from "./config-job.js";
import { failCheckRun } from "./report-failure.js";
import { runDelivery } from "./run-delivery.js";
import { runTrainingJob } from "./training-job.js";
import { repoKey, type GitHub, type RepoRef } from "../types.js";

const BRANCH_PREFIX = "refs/heads/";
/** Push payloads list at most this many commits reliably; longer pushes never reuse the parent's config. */
export const MAX_LISTED_PUSH_COMMITS = 20;

type PushPayload = Context<"push">["payload"];

/** True when the pushed commits provably left `.github/loss-doctor.yml` as it was at `before`. */
export function configUnchangedSinceBefore(p: {
  forced: boolean; created: boolean; before: string; commits: readonly { added?: string[]; modified?: string[]; removed?: string[] }[];
}): boolean {
  if (p.forced || p.created || !isCommitSha(p.before) || /^0+$/.test(p.before) || p.commits.length >= MAX_LISTED_PUSH_COMMITS) return false;
  return p.commits.every((c) => ![...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH));
}

/**
 * The config at the pushed head: cached per sha; when the push did not touch the config file and the
 * parent commit's config is already cached (e.g. from a PR against it), that one — no request at all.
 */
async function loadPushConfig(octokit: GitHub, deps: AppDeps, repo: RepoRef, payload: PushPayload): Promise<ParsedAppConfig> {
  const cache = deps.configCache;
  const parent = cache !== undefined && configUnchangedSinceBefore(payload) ? cache.peek(repoKey(repo), payload.before) : undefined;
  if (cache === undefined || parent === undefined) return loadAppConfigCached(octokit, repo, payload.after, cache);
  return cache.getOrLoad(repoKey(repo), payload.after, () => parent, isCacheableConfig);
}

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
      const config = await loadPushConfig(context.octokit, deps, repo, payload);
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
