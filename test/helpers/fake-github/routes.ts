import { zipSync } from "fflate";
import * as rep from "./representations.js";
import type { FakeArtifact, FakeCheckRun, FakeGitHubState, FakeRepo } from "./state.js";

/** One request as a route handler sees it (already matched and validated against the OpenAPI spec). */
export interface RouteRequest {
  state: FakeGitHubState;
  repo: FakeRepo | undefined;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Base URL of the fake (for redirects to downloads it serves itself). */
  baseUrl: string;
}

export interface RouteResponse { status: number; body?: unknown; headers?: Record<string, string> }

export type RouteHandler = (r: RouteRequest) => RouteResponse;

/** Operations whose response the fake does not validate (GitHub's schema for them is very large). */
export const UNCHECKED_RESPONSES = new Set(["pulls/get", "repos/get-commit", "repos/get-branch"]);

/** Files above this size come without inline content, as on GitHub (1 MB). */
const INLINE_CONTENT_LIMIT = 1024 * 1024;

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function page<T>(items: T[], query: URLSearchParams): T[] {
  const perPage = Number(query.get("per_page") ?? 30);
  const n = Number(query.get("page") ?? 1);
  return items.slice((n - 1) * perPage, n * perPage);
}

/** A unified diff that replaces the whole file (enough for line-anchored review suggestions). */
function wholeFilePatch(before: Uint8Array | undefined, after: Uint8Array | undefined): string {
  const lines = (d: Uint8Array | undefined) => (d === undefined ? [] : new TextDecoder().decode(d).replace(/\n$/, "").split("\n"));
  const a = lines(before); const b = lines(after);
  return [`@@ -${a.length === 0 ? 0 : 1},${a.length} +${b.length === 0 ? 0 : 1},${b.length} @@`, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)].join("\n");
}

function withRepo(fn: (r: RouteRequest, repo: FakeRepo) => RouteResponse): RouteHandler {
  return (r) => (r.repo === undefined ? rep.notFound() : fn(r, r.repo));
}

function updateCheckRun(r: RouteRequest, run: FakeCheckRun): void {
  const b = r.body;
  if (str(b.name) !== null) run.name = b.name as string;
  if (str(b.status) !== null) run.status = b.status as string;
  if (str(b.conclusion) !== null) { run.conclusion = b.conclusion as string; run.status = "completed"; }
  if (run.status === "completed") run.completedAt ??= r.state.now();
  if (str(b.external_id) !== null) run.externalId = b.external_id as string;
  if (Array.isArray(b.actions)) run.actions = b.actions;
  const output = b.output as Record<string, unknown> | undefined;
  if (output !== undefined) {
    run.output.title = str(output.title) ?? run.output.title;
    run.output.summary = str(output.summary) ?? run.output.summary;
    run.output.text = str(output.text) ?? run.output.text;
    if (Array.isArray(output.annotations)) run.output.annotations.push(...output.annotations);
    if (Array.isArray(output.images)) run.output.images.push(...output.images);
  }
}

export const ROUTES: Record<string, RouteHandler> = {
  "apps/create-installation-access-token": (r) => {
    const installationId = Number(r.params.installation_id);
    const token = `ghs_fake${r.state.nextId()}`;
    const expiresAt = new Date(r.state.clock().getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    r.state.tokens.push({ installationId, token, expiresAt });
    return { status: 201, body: { token, expires_at: expiresAt, permissions: { checks: "write", contents: "read", issues: "write", pull_requests: "write", actions: "write" }, repository_selection: "all" } };
  },
  "repos/get-content": withRepo((r, repo) => {
    const ref = r.query.get("ref") ?? repo.defaultBranch;
    const data = repo.resolve(ref)?.files.get(r.params.path ?? "");
    if (data === undefined) return rep.notFound();
    return { status: 200, body: rep.contentFile(repo, r.params.path ?? "", ref, data, data.length <= INLINE_CONTENT_LIMIT) };
  }),
  "git/get-blob": withRepo((r, repo) => {
    const data = repo.blob(r.params.file_sha ?? "");
    return data === undefined ? rep.notFound() : { status: 200, body: rep.blob(repo, r.params.file_sha ?? "", data) };
  }),
  "checks/create": withRepo((r, repo) => {
    const now = r.state.now();
    const run = {
      id: r.state.nextId(), name: String(r.body.name), headSha: String(r.body.head_sha), status: str(r.body.status) ?? "queued", conclusion: null,
      externalId: null, output: { title: null, summary: null, text: null, annotations: [], images: [] }, actions: [], startedAt: now, completedAt: null, updates: 0,
    };
    updateCheckRun(r, run);
    repo.checkRuns.push(run);
    return { status: 201, body: rep.checkRun(repo, run) };
  }),
  "checks/update": withRepo((r, repo) => {
    const run = repo.checkRuns.find((c) => c.id === Number(r.params.check_run_id));
    if (run === undefined) return rep.notFound();
    run.updates += 1;
    updateCheckRun(r, run);
    return { status: 200, body: rep.checkRun(repo, run) };
  }),
  "checks/get": withRepo((r, repo) => {
    const run = repo.checkRuns.find((c) => c.id === Number(r.params.check_run_id));
    return run === undefined ? rep.notFound() : { status: 200, body: rep.checkRun(repo, run) };
  }),
  "pulls/list-files": withRepo((r, repo) => {
    const pull = repo.pulls.get(Number(r.params.pull_number));
    if (pull === undefined) return rep.notFound();
    const base = repo.commits.get(pull.baseSha); const head = repo.commits.get(pull.headSha);
    const entries = repo.pullFiles(pull.number).map((f) => ({ ...rep.diffEntry(repo, pull.headSha, f), patch: wholeFilePatch(base?.files.get(f.path), head?.files.get(f.path)) }));
    return { status: 200, body: page(entries, r.query) };
  }),
  "pulls/get": withRepo((r, repo) => {
    const pull = repo.pulls.get(Number(r.params.pull_number));
    if (pull === undefined) return rep.notFound();
    const side = (ref: string, sha: string) => ({ ref, sha, label: `${repo.owner}:${ref}`, repo: { id: repo.id, name: repo.name, full_name: repo.fullName, owner: rep.simpleUser(repo.owner) }, user: rep.simpleUser(repo.owner) });
    return { status: 200, body: { id: pull.number + 5000, number: pull.number, state: pull.state, title: pull.title, user: rep.simpleUser(pull.user), head: side(pull.headRef, pull.headSha), base: side(pull.baseRef, pull.baseSha) } };
  }),
  "pulls/create-review": withRepo((r, repo) => {
    const review = { id: r.state.nextId(), pullNumber: Number(r.params.pull_number), commitId: str(r.body.commit_id) ?? "", body: str(r.body.body) ?? "", event: str(r.body.event), comments: Array.isArray(r.body.comments) ? r.body.comments : [] };
    repo.reviews.push(review);
    return { status: 200, body: rep.review(repo, review) };
  }),
  "issues/list-comments": withRepo((r, repo) => ({ status: 200, body: page(repo.commentsOn(Number(r.params.issue_number)).map((c) => rep.issueComment(repo, c)), r.query) })),
  "issues/create-comment": withRepo((r, repo) => {
    const number = Number(r.params.issue_number);
    if (!repo.issues.has(number)) return rep.notFound();
    const now = r.state.now();
    const comment = { id: r.state.nextId(), issueNumber: number, body: String(r.body.body), user: rep.APP_BOT, createdAt: now, updatedAt: now, edits: 0 };
    repo.comments.push(comment);
    return { status: 201, body: rep.issueComment(repo, comment) };
  }),
  "issues/update-comment": withRepo((r, repo) => {
    const comment = repo.comments.find((c) => c.id === Number(r.params.comment_id));
    if (comment === undefined) return rep.notFound();
    comment.body = String(r.body.body); comment.updatedAt = r.state.now(); comment.edits += 1;
    return { status: 200, body: rep.issueComment(repo, comment) };
  }),
  "reactions/create-for-issue-comment": withRepo((r, repo) => {
    const reaction = { id: r.state.nextId(), commentId: Number(r.params.comment_id), content: String(r.body.content), user: rep.APP_BOT };
    repo.reactions.push(reaction);
    return { status: 201, body: { id: reaction.id, node_id: `R_${reaction.id}`, user: rep.simpleUser(rep.APP_BOT, "Bot"), content: reaction.content, created_at: r.state.now() } };
  }),
  "repos/get-collaborator-permission-level": withRepo((r, repo) => {
    const login = r.params.username ?? "";
    const permission = repo.collaborators.get(login) ?? "none";
    return { status: 200, body: { permission, role_name: permission, user: { ...rep.simpleUser(login) } } };
  }),
  "actions/list-workflow-run-artifacts": withRepo((r, repo) => {
    const items = repo.artifacts.filter((a) => a.runId === Number(r.params.run_id)).map((a) => artifact(r, repo, a));
    return { status: 200, body: { total_count: items.length, artifacts: page(items, r.query) } };
  }),
  "actions/get-artifact": withRepo((r, repo) => {
    const a = repo.artifacts.find((x) => x.id === Number(r.params.artifact_id));
    return a === undefined ? rep.notFound() : { status: 200, body: artifact(r, repo, a) };
  }),
  "actions/download-artifact": withRepo((r, repo) => {
    const a = repo.artifacts.find((x) => x.id === Number(r.params.artifact_id));
    if (a === undefined) return rep.notFound();
    if (a.expired) return { status: 410, body: { message: "Artifact has expired", documentation_url: "https://docs.github.com/rest" } };
    return { status: 302, headers: { location: `${r.baseUrl}/_fake/artifacts/${repo.fullName}/${a.id}.zip` } };
  }),
  "actions/create-workflow-dispatch": withRepo((r, repo) => {
    repo.dispatches.push({ workflowId: r.params.workflow_id ?? "", ref: String(r.body.ref), inputs: (r.body.inputs ?? {}) as Record<string, unknown> });
    return { status: 204 };
  }),
};

function artifact(r: RouteRequest, repo: FakeRepo, a: FakeArtifact): Record<string, unknown> {
  const url = `https://api.github.com/repos/${repo.fullName}/actions/artifacts/${a.id}`;
  return {
    id: a.id, node_id: `A_${a.id}`, name: a.name, size_in_bytes: a.zip.length, url, archive_download_url: `${url}/zip`, expired: a.expired,
    created_at: r.state.now(), updated_at: r.state.now(), expires_at: r.state.now(), workflow_run: { id: a.runId, head_sha: repo.branches.get(repo.defaultBranch) ?? "" },
  };
}

/** Builds an artifact zip (fflate) from path → text and registers it on a workflow run. */
export function addArtifact(repo: FakeRepo, runId: number, name: string, files: Record<string, string>): number {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)])));
  const id = repo.state.nextId();
  repo.artifacts.push({ id, runId, name, zip, expired: false });
  return id;
}
