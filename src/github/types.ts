import type { Context, ProbotOctokit } from "probot";

/** The authenticated installation client handed to every handler. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/** A repository coordinate. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** `owner/name`, the store's repository key. */
export const repoKey = (r: RepoRef): string => `${r.owner}/${r.repo}`;

/** Probot's logger type. */
export type Log = Context["log"];
