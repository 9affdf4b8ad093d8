import type { FakeCheckRun, FakeComment, FakeRepo, FakeReview } from "./state.js";
import { blobSha } from "./state.js";

/** JSON shapes of the fake's responses, following GitHub's OpenAPI schemas (they are validated too). */

const WEB = "https://github.com";
const API = "https://api.github.com";

export function simpleUser(login: string, type: "User" | "Bot" = "User"): Record<string, unknown> {
  const url = `${API}/users/${encodeURIComponent(login)}`;
  return {
    login, id: [...login].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000, 7), node_id: `U_${login}`, avatar_url: `https://avatars.githubusercontent.com/u/1`,
    gravatar_id: "", url, html_url: `${WEB}/${encodeURIComponent(login)}`, followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`, starred_url: `${url}/starred{/owner}{/repo}`, subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`, repos_url: `${url}/repos`, events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`, type, site_admin: false,
  };
}

export const APP_BOT = "loss-doctor[bot]";

export function contentFile(repo: FakeRepo, path: string, ref: string, data: Uint8Array, inline: boolean): Record<string, unknown> {
  const sha = blobSha(data);
  const url = `${API}/repos/${repo.fullName}/contents/${path}?ref=${ref}`;
  const git = `${API}/repos/${repo.fullName}/git/blobs/${sha}`;
  const html = `${WEB}/${repo.fullName}/blob/${ref}/${path}`;
  return {
    type: "file", encoding: inline ? "base64" : "none", size: data.length, name: path.split("/").pop() ?? path, path,
    content: inline ? Buffer.from(data).toString("base64") : "", sha, url, git_url: git, html_url: html,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${ref}/${path}`, _links: { self: url, git, html },
  };
}

export function blob(repo: FakeRepo, sha: string, data: Uint8Array): Record<string, unknown> {
  return { sha, node_id: `B_${sha.slice(0, 8)}`, size: data.length, url: `${API}/repos/${repo.fullName}/git/blobs/${sha}`, content: Buffer.from(data).toString("base64"), encoding: "base64" };
}

export function checkRun(repo: FakeRepo, run: FakeCheckRun): Record<string, unknown> {
  const url = `${API}/repos/${repo.fullName}/check-runs/${run.id}`;
  return {
    id: run.id, node_id: `CR_${run.id}`, head_sha: run.headSha, name: run.name, url, html_url: `${WEB}/${repo.fullName}/runs/${run.id}`,
    details_url: null, status: run.status, conclusion: run.conclusion, started_at: run.startedAt, completed_at: run.completedAt,
    external_id: run.externalId, check_suite: { id: 1 }, app: null, pull_requests: [],
    output: { title: run.output.title, summary: run.output.summary, text: run.output.text, annotations_count: run.output.annotations.length, annotations_url: `${url}/annotations` },
  };
}

export function issueComment(repo: FakeRepo, c: FakeComment): Record<string, unknown> {
  return {
    id: c.id, node_id: `IC_${c.id}`, url: `${API}/repos/${repo.fullName}/issues/comments/${c.id}`,
    html_url: `${WEB}/${repo.fullName}/issues/${c.issueNumber}#issuecomment-${c.id}`, issue_url: `${API}/repos/${repo.fullName}/issues/${c.issueNumber}`,
    body: c.body, user: simpleUser(c.user, c.user.endsWith("[bot]") ? "Bot" : "User"), created_at: c.createdAt, updated_at: c.updatedAt, author_association: "NONE",
  };
}

export function review(repo: FakeRepo, r: FakeReview): Record<string, unknown> {
  const html = `${WEB}/${repo.fullName}/pull/${r.pullNumber}#pullrequestreview-${r.id}`;
  const pr = `${API}/repos/${repo.fullName}/pulls/${r.pullNumber}`;
  return {
    id: r.id, node_id: `PRR_${r.id}`, user: simpleUser(APP_BOT, "Bot"), body: r.body, state: r.event === "COMMENT" || r.event === null ? "COMMENTED" : r.event,
    commit_id: r.commitId, html_url: html, pull_request_url: pr, _links: { html: { href: html }, pull_request: { href: pr } }, author_association: "NONE",
  };
}

export function diffEntry(repo: FakeRepo, ref: string, f: { path: string; status: string; sha: string; size: number }): Record<string, unknown> {
  return {
    sha: f.sha, filename: f.path, status: f.status, additions: f.status === "removed" ? 0 : 1, deletions: f.status === "added" ? 0 : 1, changes: 1,
    blob_url: `${WEB}/${repo.fullName}/blob/${ref}/${f.path}`, raw_url: `${WEB}/${repo.fullName}/raw/${ref}/${f.path}`,
    contents_url: `${API}/repos/${repo.fullName}/contents/${f.path}?ref=${ref}`,
  };
}

export function notFound(): { status: number; body: Record<string, unknown> } {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
}
