import { MAX_ANNOTATIONS_PER_REQUEST } from "../report/limits.js";
import type { CheckRunOutput, CheckRunPlan } from "../report/check-run-output.js";
import type { GitHub, RepoRef } from "../types.js";

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function outputWith(output: CheckRunOutput, annotations: CheckRunOutput["annotations"]) {
  return {
    title: output.title,
    summary: output.summary,
    ...(output.text === undefined ? {} : { text: output.text }),
    ...(annotations.length === 0 ? {} : { annotations }),
    ...(output.images.length === 0 ? {} : { images: output.images }),
  };
}

/**
 * Creates a check run — or updates `checkRunId` when given — and sends annotations in batches of 50
 * (GitHub appends the annotations of each update). Returns the check run id.
 */
export async function publishCheckRun(octokit: GitHub, repo: RepoRef, plan: CheckRunPlan, checkRunId?: number): Promise<number> {
  const [first = [], ...rest] = chunks(plan.output.annotations, MAX_ANNOTATIONS_PER_REQUEST);
  const common = {
    ...repo,
    name: plan.name,
    status: plan.status,
    ...(plan.conclusion === undefined ? {} : { conclusion: plan.conclusion }),
    ...(plan.externalId === undefined ? {} : { external_id: plan.externalId }),
    ...(plan.actions.length === 0 ? {} : { actions: plan.actions }),
    output: outputWith(plan.output, first),
  };
  const id = checkRunId === undefined
    ? (await octokit.rest.checks.create({ ...common, head_sha: plan.headSha })).data.id
    : (await octokit.rest.checks.update({ ...common, check_run_id: checkRunId })).data.id;
  for (const batch of rest) {
    await octokit.rest.checks.update({ ...repo, check_run_id: id, output: outputWith(plan.output, batch) });
  }
  return id;
}
