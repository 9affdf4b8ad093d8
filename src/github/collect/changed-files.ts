import type { GitHub, RepoRef } from "../types.js";

/** Most PR files listed (GitHub's own cap for the files endpoint is 3,000). */
export const MAX_PR_FILES = 3000;

export interface ChangedFile {
  path: string;
  status: string;
  /** Unified diff of the file, when GitHub provides one (absent for binary or huge diffs). */
  patch?: string;
  /** Path before a rename. */
  previousPath?: string;
}

/** Files changed in a PR, with patches (edge). Removed files are excluded. */
export async function listPullRequestFiles(octokit: GitHub, repo: RepoRef, pullNumber: number): Promise<ChangedFile[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 }, (response, done) => {
    if (response.data.length < 100) done();
    return response.data;
  });
  return files
    .slice(0, MAX_PR_FILES)
    .filter((f) => f.status !== "removed")
    .map((f) => ({
      path: f.filename, status: f.status,
      ...(f.patch === undefined ? {} : { patch: f.patch }),
      ...(f.previous_filename === undefined ? {} : { previousPath: f.previous_filename }),
    }));
}

interface PushCommit {
  added?: string[];
  modified?: string[];
  removed?: string[];
}

/** Paths added or modified by a push and still present at its head (pure; payload order). */
export function pushChangedPaths(commits: readonly PushCommit[]): string[] {
  const present = new Set<string>();
  for (const c of commits) {
    for (const p of [...(c.added ?? []), ...(c.modified ?? [])]) present.add(p);
    for (const p of c.removed ?? []) present.delete(p);
  }
  return [...present];
}
