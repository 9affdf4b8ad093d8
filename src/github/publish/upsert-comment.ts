import type { Store } from "../../store/store.js";
import { hasMarker } from "../report/marker.js";
import { repoKey, type GitHub, type RepoRef } from "../types.js";

/** Pages of comments searched for the marker when the store does not know the comment id. */
export const MAX_COMMENT_PAGES = 10;

export interface StickyComment extends RepoRef {
  issueNumber: number;
  /** Marker key; the body must contain `commentMarker(key)`. */
  key: string;
  body: string;
  /**
   * The issue is new (`pull_request.opened`): it cannot hold our comment yet, so when the store knows no
   * id the comment is created without searching the issue's comments for the marker.
   */
  assumeNew?: boolean;
}

async function findByMarker(octokit: GitHub, c: StickyComment): Promise<number | null> {
  for (let page = 1; page <= MAX_COMMENT_PAGES; page++) {
    const { data } = await octokit.rest.issues.listComments({ owner: c.owner, repo: c.repo, issue_number: c.issueNumber, per_page: 100, page });
    const found = data.find((comment) => hasMarker(comment.body, c.key));
    if (found !== undefined) return found.id;
    if (data.length < 100) return null;
  }
  return null;
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error && (error as { status: unknown }).status === 404;
}

async function upsert(octokit: GitHub, store: Store, c: StickyComment): Promise<{ id: number; created: boolean }> {
  const key = { repo: repoKey(c), issueNumber: c.issueNumber, key: c.key };
  const stored = await store.getCommentId(key);
  const known = stored ?? (c.assumeNew === true ? null : await findByMarker(octokit, c));
  if (known !== null) {
    try {
      await octokit.rest.issues.updateComment({ owner: c.owner, repo: c.repo, comment_id: known, body: c.body });
      await store.setCommentId(key, known);
      return { id: known, created: false };
    } catch (error) {
      if (!isNotFound(error)) throw error; // deleted by a user: create a new one below
    }
  }
  const { data } = await octokit.rest.issues.createComment({ owner: c.owner, repo: c.repo, issue_number: c.issueNumber, body: c.body });
  await store.setCommentId(key, data.id);
  return { id: data.id, created: true };
}

/**
 * Creates the sticky comment or updates it in place: the id comes from the store, else from a
 * search for the hidden marker, else a new comment is created and remembered. Runs under the store's
 * comment lock, so two deliveries of one PR — in this process or on another replica — never both
 * create it.
 */
export function upsertStickyComment(octokit: GitHub, store: Store, c: StickyComment): Promise<{ id: number; created: boolean }> {
  return store.withCommentLock({ repo: repoKey(c), issueNumber: c.issueNumber, key: c.key }, () => upsert(octokit, store, c));
}
