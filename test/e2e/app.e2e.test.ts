import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import {
  addArtifact, deliver, issueCommentPayload, pullRequestPayload, pushPayload, signedDelivery, startFakeGitHub, workflowRunPayload,
  type FakeGitHub, type FakeRepo,
} from "../helpers/fake-github/index.js";
import { spawnApp, type SpawnedApp } from "../helpers/fake-github/spawn-app.js";
import { BAD_TRAIN_PY, divergingCsv, GOOD_TRAIN_PY, healthyCsv } from "../unit/github/helpers/logs.js";

/**
 * End to end: the real server process (src/main.ts via tsx) receives signed webhooks over loopback and
 * talks to a fake GitHub that validates every request against GitHub's OpenAPI description.
 * The scenarios run in order and share one server (start-up dominates the cost).
 */

jest.setTimeout(120_000);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const TRAINING = "Loss Doctor / training";
const CONFIG = "Loss Doctor / training config";

let gh: FakeGitHub;
let app: SpawnedApp;
let repo: FakeRepo;
const dumpDir = mkdtempSync(join(tmpdir(), "loss-doctor-e2e-markdown-"));

async function send(name: string, payload: unknown, options: { id?: string; badSignature?: boolean } = {}): Promise<{ status: number; id: string }> {
  const d = await signedDelivery(app.secret, name, payload, options);
  const { status } = await deliver(app.webhookUrl, d);
  return { status, id: d.id };
}

/** Writes the Markdown GitHub received to a file a human can read (path printed once at the end). */
function dump(name: string, text: string | null): void {
  writeFileSync(join(dumpDir, name), text ?? "(null)");
}

beforeAll(async () => {
  gh = await startFakeGitHub();
  repo = gh.state.addRepo("acme", "mnist");
  repo.commit("main", { "README.md": "# mnist\n", "train.py": GOOD_TRAIN_PY, "runs/base/metrics.csv": healthyCsv() }, "initial");
  app = await spawnApp({ repoRoot, githubUrl: gh.url, startTimeoutMs: 90_000 });
}, 120_000);

afterAll(async () => {
  if (app !== undefined) writeFileSync(join(dumpDir, "app.log"), app.log());
  await app?.stop();
  await gh?.close();
  process.stdout.write(`e2e: Markdown received by the fake GitHub (and the server log) is in ${dumpDir}\n`);
});

describe("Loss Doctor server against a fake GitHub (OpenAPI-validated)", () => {
  test("(a) push with a diverging log → completed, failing training check run with the findings", async () => {
    repo.commit("main", { "runs/exp1/metrics.csv": divergingCsv() }, "exp1: lr 0.5");
    const head = repo.resolve("main")?.sha ?? "";
    const { status } = await send("push", pushPayload(repo, "main"));
    expect(status).toBe(200);
    const runs = repo.checkRunsFor(head, TRAINING);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    dump("a-push-check-run.md", `# ${run?.output.title}\n\n${run?.output.summary}\n\n---\n\n${run?.output.text}`);
    expect(run?.status).toBe("completed");
    expect(run?.conclusion).toBe("failure");
    expect(run?.output.summary).toMatch(/diverg/i);
    expect(gh.violations).toEqual([]);
  });

  test("(b) pull_request opened → sticky comment + failing config check; synchronize updates the SAME comment", async () => {
    repo.commit("lr-sweep", { "train.py": BAD_TRAIN_PY, "runs/exp2/metrics.csv": divergingCsv(30, 8) }, "try lr 1.0", "main");
    const pull = repo.openPull("lr-sweep", "main");
    expect((await send("pull_request", pullRequestPayload(repo, pull, "opened"))).status).toBe(200);
    const comments = repo.commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    const config = repo.checkRunsFor(pull.headSha, CONFIG);
    expect(config).toHaveLength(1);
    expect(config[0]?.conclusion).toBe("failure");
    expect(repo.checkRunsFor(pull.headSha, TRAINING)[0]?.conclusion).toBe("failure");
    expect(comments[0]?.body).toContain("<!--");
    dump("b-pr-comment-opened.md", comments[0]?.body ?? null);
    dump("b-pr-config-check-run.md", `# ${config[0]?.output.title}\n\n${config[0]?.output.summary}\n\n---\n\n${config[0]?.output.text}`);

    repo.commit("lr-sweep", { "train.py": BAD_TRAIN_PY.replace("lr=1.0", "lr=0.5"), "runs/exp2/metrics.csv": divergingCsv(30, 14) }, "lr 0.5");
    const synced = repo.syncPull(pull.number);
    expect((await send("pull_request", pullRequestPayload(repo, synced, "synchronize"))).status).toBe(200);
    const after = repo.commentsOn(pull.number);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(comments[0]?.id);
    expect(after[0]?.edits).toBe(1);
    expect(after[0]?.body).toContain(synced.headSha.slice(0, 7));
    expect(repo.checkRunsFor(synced.headSha, TRAINING)).toHaveLength(1);
    dump("b-pr-comment-synchronized.md", after[0]?.body ?? null);
    expect(gh.violations).toEqual([]);
  });

  test("(c) the same delivery redelivered → 200 and no new writes", async () => {
    repo.commit("main", { "runs/exp3/metrics.csv": divergingCsv(25, 10) }, "exp3");
    const payload = pushPayload(repo, "main");
    const first = await send("push", payload);
    expect(first.status).toBe(200);
    expect(gh.writes().length).toBeGreaterThan(0);
    const requests = gh.requests.length;
    const again = await send("push", payload, { id: first.id });
    expect(again.status).toBe(200);
    expect(gh.requests).toHaveLength(requests); // not even a read: the store recognised the delivery id
    expect(gh.violations).toEqual([]);
  });

  test("(d) issue_comment `/diagnose` with a pasted log → 👀 reaction and a reply with the report", async () => {
    const issue = repo.openIssue("Why does my loss explode?");
    const body = `/diagnose\n\n\`\`\`csv\n${divergingCsv(30, 10).trim()}\n\`\`\``;
    const { status } = await send("issue_comment", issueCommentPayload(repo, issue, { id: 555_001, body }));
    expect(status).toBe(200);
    expect(repo.reactions).toEqual([expect.objectContaining({ commentId: 555_001, content: "eyes" })]);
    const replies = repo.commentsOn(issue);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toMatch(/diverg/i);
    dump("d-diagnose-reply.md", replies[0]?.body ?? null);
    expect(gh.violations).toEqual([]);
  });

  test("(f) workflow_run.completed of a PR's run → logs read from the artifact zip, check run + PR comment", async () => {
    repo.commit("sweep-2", { "train.py": GOOD_TRAIN_PY.replace("1e-3", "3e-4") }, "lr 3e-4", "main");
    const pull = repo.openPull("sweep-2", "main");
    addArtifact(repo, 77, "training-logs", { "logs/metrics.csv": divergingCsv(30, 9), "README.txt": "not a log" });
    const payload = workflowRunPayload(repo, { runId: 77, workflowId: 5, headSha: pull.headSha, headBranch: "sweep-2", pull });
    expect((await send("workflow_run", payload)).status).toBe(200);
    const runs = repo.checkRunsFor(pull.headSha, TRAINING);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.conclusion).toBe("failure");
    expect(gh.requests.some((r) => r.url.startsWith("/_fake/artifacts/"))).toBe(true);
    const comments = repo.commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/diverg|explodes/i);
    expect(comments[0]?.body.startsWith("<!-- loss-doctor:workflow-5 -->")).toBe(true);
    dump("f-workflow-run-comment.md", comments[0]?.body ?? null);
    expect(gh.violations).toEqual([]);

    // (g) regression: the PR's own report never finds and overwrites the workflow report (own markers).
    repo.commit("sweep-2", { "runs/exp5/metrics.csv": divergingCsv(30, 11) }, "exp5");
    const synced = repo.syncPull(pull.number);
    expect((await send("pull_request", pullRequestPayload(repo, synced, "synchronize"))).status).toBe(200);
    const both = repo.commentsOn(pull.number);
    expect(both).toHaveLength(2);
    expect(both[0]?.id).toBe(comments[0]?.id);
    expect(both[0]?.edits).toBe(0);
    expect(both[1]?.body.startsWith("<!-- loss-doctor:report -->")).toBe(true);
    expect(gh.violations).toEqual([]);
  });

  test("(e) a bad signature → 400 and no writes", async () => {
    const before = gh.requests.length;
    repo.commit("main", { "runs/exp4/metrics.csv": divergingCsv() }, "exp4");
    const { status } = await send("push", pushPayload(repo, "main"), { badSignature: true });
    expect(status).toBe(400);
    expect(gh.requests).toHaveLength(before);
    expect(gh.violations).toEqual([]);
  });
});
