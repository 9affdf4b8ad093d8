import { createHash } from "node:crypto";

/**
 * In-memory state of the fake GitHub: repositories with branches and commit snapshots, pull requests,
 * issue comments, check runs, reviews, reactions, collaborators, Actions runs/artifacts and workflow
 * dispatches. Tests arrange it through the methods below and assert on what the app wrote.
 */

export type FileTree = Map<string, Uint8Array>;

export interface FakeCommit { sha: string; message: string; parents: string[]; files: FileTree }

export interface FakePull { number: number; title: string; headRef: string; baseRef: string; headSha: string; baseSha: string; state: "open" | "closed"; user: string }

export interface FakeComment { id: number; issueNumber: number; body: string; user: string; createdAt: string; updatedAt: string; edits: number }

export interface FakeCheckRun {
  id: number; name: string; headSha: string; status: string; conclusion: string | null; externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: unknown[]; images: unknown[] };
  actions: unknown[]; startedAt: string; completedAt: string | null; updates: number;
}

export interface FakeReview { id: number; pullNumber: number; commitId: string; body: string; event: string | null; comments: unknown[] }

export interface FakeReaction { id: number; commentId: number; content: string; user: string }

export interface FakeArtifact { id: number; runId: number; name: string; zip: Uint8Array; expired: boolean }

export interface FakeDispatch { workflowId: string; ref: string; inputs: Record<string, unknown> }

export class FakeRepo {
  readonly branches = new Map<string, string>();
  readonly commits = new Map<string, FakeCommit>();
  readonly pulls = new Map<number, FakePull>();
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly reviews: FakeReview[] = [];
  readonly reactions: FakeReaction[] = [];
  readonly collaborators = new Map<string, "admin" | "write" | "read" | "none">();
  readonly artifacts: FakeArtifact[] = [];
  readonly dispatches: FakeDispatch[] = [];
  /** Issue (and PR) numbers in use; issues without a PR are plain issues. */
  readonly issues = new Map<number, { title: string; user: string }>();

  constructor(readonly state: FakeGitHubState, readonly owner: string, readonly name: string, readonly id: number, readonly defaultBranch = "main") {}

  get fullName(): string { return `${this.owner}/${this.name}`; }

  /** Commits `changes` (path → text/bytes, null deletes) on `branch` (created from `from` or empty). */
  commit(branch: string, changes: Record<string, string | Uint8Array | null>, message = "update", from?: string): FakeCommit {
    const parentSha = this.branches.get(branch) ?? (from === undefined ? undefined : this.branches.get(from));
    const files: FileTree = new Map(parentSha === undefined ? [] : this.commits.get(parentSha)?.files ?? []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) files.delete(path);
      else files.set(path, typeof content === "string" ? new TextEncoder().encode(content) : content);
    }
    const sha = this.state.nextSha(`${this.fullName}:${branch}:${message}`);
    const commit = { sha, message, parents: parentSha === undefined ? [] : [parentSha], files };
    this.commits.set(sha, commit);
    this.branches.set(branch, sha);
    return commit;
  }

  /** A commit by sha or branch name. */
  resolve(ref: string): FakeCommit | undefined {
    const sha = this.branches.get(ref.replace(/^refs\/heads\//, "")) ?? ref;
    return this.commits.get(sha);
  }

  openPull(headRef: string, baseRef: string, title = "Change training"): FakePull {
    const number = this.state.nextNumber(this);
    const pull: FakePull = { number, title, headRef, baseRef, headSha: this.branches.get(headRef) ?? "", baseSha: this.branches.get(baseRef) ?? "", state: "open", user: "octocat" };
    this.pulls.set(number, pull);
    this.issues.set(number, { title, user: "octocat" });
    return pull;
  }

  /** Re-reads the PR's head after a new commit on its branch (what `synchronize` reports). */
  syncPull(number: number): FakePull {
    const pull = this.pulls.get(number);
    if (pull === undefined) throw new Error(`no PR #${number}`);
    pull.headSha = this.branches.get(pull.headRef) ?? pull.headSha;
    return pull;
  }

  openIssue(title: string): number {
    const number = this.state.nextNumber(this);
    this.issues.set(number, { title, user: "octocat" });
    return number;
  }

  /** Files differing between the PR's base and head snapshots. */
  pullFiles(number: number): { path: string; status: "added" | "modified" | "removed"; sha: string; size: number }[] {
    const pull = this.pulls.get(number);
    const head = pull === undefined ? undefined : this.commits.get(pull.headSha);
    const base = pull === undefined ? undefined : this.commits.get(pull.baseSha);
    if (head === undefined || base === undefined) return [];
    const out: { path: string; status: "added" | "modified" | "removed"; sha: string; size: number }[] = [];
    for (const [path, data] of head.files) {
      const before = base.files.get(path);
      if (before === undefined) out.push({ path, status: "added", sha: blobSha(data), size: data.length });
      else if (Buffer.compare(Buffer.from(before), Buffer.from(data)) !== 0) out.push({ path, status: "modified", sha: blobSha(data), size: data.length });
    }
    for (const [path, data] of base.files) if (!head.files.has(path)) out.push({ path, status: "removed", sha: blobSha(data), size: 0 });
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** A blob by its git sha in any commit of the repository. */
  blob(sha: string): Uint8Array | undefined {
    for (const commit of this.commits.values()) for (const data of commit.files.values()) if (blobSha(data) === sha) return data;
    return undefined;
  }

  commentsOn(issueNumber: number): FakeComment[] { return this.comments.filter((c) => c.issueNumber === issueNumber); }

  checkRunsFor(headSha: string, name?: string): FakeCheckRun[] {
    return this.checkRuns.filter((r) => r.headSha === headSha && (name === undefined || r.name === name));
  }
}

/** git's blob id of some bytes. */
export function blobSha(data: Uint8Array): string {
  return createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex");
}

export class FakeGitHubState {
  readonly repos = new Map<string, FakeRepo>();
  /** Installation id → tokens handed out. */
  readonly tokens: { installationId: number; token: string; expiresAt: string }[] = [];
  private counter = 0;
  private readonly issueCounters = new WeakMap<FakeRepo, number>();

  constructor(readonly clock: () => Date = () => new Date()) {}

  nextId(): number { this.counter += 1; return 1000 + this.counter; }

  nextSha(seed: string): string {
    this.counter += 1;
    return createHash("sha1").update(`${seed}#${this.counter}`).digest("hex");
  }

  nextNumber(repo: FakeRepo): number {
    const n = (this.issueCounters.get(repo) ?? 0) + 1;
    this.issueCounters.set(repo, n);
    return n;
  }

  addRepo(owner: string, name: string): FakeRepo {
    const repo = new FakeRepo(this, owner, name, this.nextId());
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo | undefined { return this.repos.get(`${owner}/${name}`.toLowerCase()); }

  now(): string { return this.clock().toISOString().replace(/\.\d{3}Z$/, "Z"); }
}
