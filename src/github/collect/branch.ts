import type { GitHub, RepoRef } from "../types.js";

/**
 * True when `sha` is the tip of `branch` in this repository (edge). A fork PR's commit is not, even
 * when the fork's branch has the same name — so nothing is stored under, or run for, our branch names.
 */
export async function isBranchTip(octokit: GitHub, repo: RepoRef, branch: string, sha: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getBranch({ ...repo, branch });
    return data.commit.sha === sha;
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404) return false;
    throw error;
  }
}
