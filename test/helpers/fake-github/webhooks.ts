import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";
import { simpleUser } from "./representations.js";
import type { FakePull, FakeRepo } from "./state.js";

/** Webhook payloads built from the fake's state (shaped like GitHub's, with `installation`) and signing. */

export const INSTALLATION_ID = 4242;

export interface Delivery { id: string; name: string; body: string; headers: Record<string, string> }

function repository(repo: FakeRepo): Record<string, unknown> {
  return {
    id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: repo.fullName, private: false, owner: simpleUser(repo.owner),
    html_url: `https://github.com/${repo.fullName}`, url: `https://api.github.com/repos/${repo.fullName}`, default_branch: repo.defaultBranch, fork: false,
  };
}

const common = (repo: FakeRepo, sender: string) => ({ repository: repository(repo), sender: simpleUser(sender), installation: { id: INSTALLATION_ID, node_id: "I_1" } });

/** `push` of the last commit on `branch` (paths changed relative to its parent). */
export function pushPayload(repo: FakeRepo, branch: string, sender = "octocat"): Record<string, unknown> {
  const head = repo.resolve(branch);
  if (head === undefined) throw new Error(`no branch ${branch}`);
  const parent = head.parents[0] === undefined ? undefined : repo.commits.get(head.parents[0]);
  const added = [...head.files.keys()].filter((p) => parent?.files.has(p) !== true);
  const modified = [...head.files.keys()].filter((p) => parent?.files.has(p) === true && Buffer.compare(Buffer.from(parent.files.get(p) ?? []), Buffer.from(head.files.get(p) ?? [])) !== 0);
  const removed = [...(parent?.files.keys() ?? [])].filter((p) => !head.files.has(p));
  const commit = { id: head.sha, tree_id: head.sha, distinct: true, message: head.message, timestamp: "2026-11-22T09:00:00Z", url: `https://github.com/${repo.fullName}/commit/${head.sha}`,
    author: { name: sender, email: `${sender}@example.com`, username: sender }, committer: { name: sender, email: `${sender}@example.com`, username: sender }, added, removed, modified };
  return {
    ref: `refs/heads/${branch}`, before: parent?.sha ?? "0".repeat(40), after: head.sha, created: parent === undefined, deleted: false, forced: false,
    base_ref: null, compare: `https://github.com/${repo.fullName}/compare/${head.sha}`, commits: [commit], head_commit: commit,
    pusher: { name: sender, email: `${sender}@example.com` }, ...common(repo, sender),
  };
}

export function pullRequestPayload(repo: FakeRepo, pull: FakePull, action: "opened" | "synchronize" | "reopened", sender = "octocat"): Record<string, unknown> {
  const side = (ref: string, sha: string) => ({ label: `${repo.owner}:${ref}`, ref, sha, user: simpleUser(repo.owner), repo: repository(repo) });
  return {
    action, number: pull.number,
    pull_request: {
      id: 9000 + pull.number, node_id: `PR_${pull.number}`, number: pull.number, state: pull.state, title: pull.title, user: simpleUser(pull.user), body: null,
      html_url: `https://github.com/${repo.fullName}/pull/${pull.number}`, draft: false, merged: false,
      head: side(pull.headRef, pull.headSha), base: side(pull.baseRef, pull.baseSha),
    },
    ...(action === "synchronize" ? { before: pull.baseSha, after: pull.headSha } : {}),
    ...common(repo, sender),
  };
}

export function issueCommentPayload(repo: FakeRepo, issueNumber: number, comment: { id: number; body: string; user?: string }, isPull = false): Record<string, unknown> {
  const user = comment.user ?? "octocat";
  return {
    action: "created",
    issue: {
      id: 7000 + issueNumber, node_id: `I_${issueNumber}`, number: issueNumber, title: repo.issues.get(issueNumber)?.title ?? "", state: "open", user: simpleUser(user), body: null,
      html_url: `https://github.com/${repo.fullName}/issues/${issueNumber}`, labels: [], comments: 0,
      ...(isPull ? { pull_request: { url: `https://api.github.com/repos/${repo.fullName}/pulls/${issueNumber}` } } : {}),
    },
    comment: {
      id: comment.id, node_id: `IC_${comment.id}`, body: comment.body, user: simpleUser(user), author_association: "OWNER",
      html_url: `https://github.com/${repo.fullName}/issues/${issueNumber}#issuecomment-${comment.id}`, created_at: "2026-11-22T09:00:00Z", updated_at: "2026-11-22T09:00:00Z",
    },
    ...common(repo, user),
  };
}

/** A delivery with a valid `x-hub-signature-256` (or a wrong one with `badSignature`). */
export async function signedDelivery(secret: string, name: string, payload: unknown, options: { id?: string; badSignature?: boolean } = {}): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const signature = await sign(options.badSignature === true ? `${secret}-wrong` : secret, body);
  const id = options.id ?? randomUUID();
  return { id, name, body, headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": signature, "user-agent": "GitHub-Hookshot/fake" } };
}

/** POSTs a delivery to the app's webhook URL; resolves with the HTTP status and the time it took. */
export async function deliver(webhookUrl: string, d: Delivery): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  const res = await fetch(webhookUrl, { method: "POST", headers: d.headers, body: d.body });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - start };
}

/** `workflow_run.completed` of run `runId` on `headSha` (optionally for a PR of the same repository). */
export function workflowRunPayload(repo: FakeRepo, run: { runId: number; workflowId: number; headSha: string; headBranch: string; pull?: FakePull; path?: string }): Record<string, unknown> {
  const prs = run.pull === undefined ? [] : [{
    id: 9000 + run.pull.number, number: run.pull.number, url: `https://api.github.com/repos/${repo.fullName}/pulls/${run.pull.number}`,
    head: { ref: run.pull.headRef, sha: run.pull.headSha, repo: { id: repo.id, name: repo.name, url: `https://api.github.com/repos/${repo.fullName}` } },
    base: { ref: run.pull.baseRef, sha: run.pull.baseSha, repo: { id: repo.id, name: repo.name, url: `https://api.github.com/repos/${repo.fullName}` } },
  }];
  return {
    action: "completed",
    workflow_run: {
      id: run.runId, name: "train", workflow_id: run.workflowId, path: run.path ?? ".github/workflows/train.yml", head_sha: run.headSha, head_branch: run.headBranch,
      event: run.pull === undefined ? "push" : "pull_request", status: "completed", conclusion: "success", run_number: 1, run_attempt: 1,
      html_url: `https://github.com/${repo.fullName}/actions/runs/${run.runId}`, pull_requests: prs, head_repository: repository(repo), repository: repository(repo),
    },
    workflow: { id: run.workflowId, name: "train", path: run.path ?? ".github/workflows/train.yml" },
    ...common(repo, "octocat"),
  };
}
