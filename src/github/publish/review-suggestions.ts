import type { ReviewSuggestion } from "../report/review-suggestions.js";
import type { GitHub, RepoRef } from "../types.js";

/**
 * Posts one PR review (event COMMENT) whose comments carry ```suggestion blocks, so each config
 * fix applies in one click. Does nothing when there is nothing to suggest.
 */
export async function createSuggestionReview(
  octokit: GitHub,
  repo: RepoRef,
  pullNumber: number,
  commitId: string,
  suggestions: ReviewSuggestion[],
): Promise<number | null> {
  if (suggestions.length === 0) return null;
  const { data } = await octokit.rest.pulls.createReview({
    ...repo,
    pull_number: pullNumber,
    commit_id: commitId,
    event: "COMMENT",
    body: "Loss Doctor suggests these training-config fixes (apply each with one click).",
    comments: suggestions.map((s) => ({ path: s.path, line: s.line, side: "RIGHT" as const, body: s.body })),
  });
  return data.id;
}
