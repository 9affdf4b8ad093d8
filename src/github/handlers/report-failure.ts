import { buildFailureCheckRun } from "../report/check-run-output.js";
import { publishCheckRun } from "../publish/create-check-run.js";
import type { GitHub, RepoRef } from "../types.js";

/** `onFailure` for runDelivery: completes a failed check run with the user-safe message. */
export function failCheckRun(octokit: GitHub, repo: RepoRef, name: string, headSha: string) {
  return async (message: string): Promise<void> => {
    await publishCheckRun(octokit, repo, buildFailureCheckRun(name, headSha, message));
  };
}
