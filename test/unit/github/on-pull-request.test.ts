import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { summarizeDiagnosis } from "../../../src/github/analyze/summary.js";
import { analyzeLogs } from "../../../src/github/analyze/analyze-logs.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { commentMarker } from "../../../src/github/report/marker.js";
import { BAD_TRAIN_PY, divergingCsv, GOOD_TRAIN_PY, healthyCsv } from "./helpers/logs.js";
import { API, useNockedTestApp, contentResponse, examplePayload, mockToken } from "./helpers/probot.js";

/** Handler tests lint Python with tree-sitter and diagnose curves: allow for a busy 2-core machine. */
const HANDLER_TIMEOUT_MS = 30_000;
const REPO = "/repos/Codertocat/Hello-World";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const PATCH = "@@ -3,5 +3,5 @@ from torch import nn\n \n model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))\n-optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)\n+optimizer = torch.optim.Adam(model.parameters(), lr=1.0)\n loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True)";

const prPayload = (action: "opened" | "synchronize") =>
  examplePayload<{ pull_request: { head: { sha: string } } }>("pull_request", action, (p) => { p.pull_request.head.sha = HEAD; });

/** Interceptors for one PR delivery: files, config at base, contents at head/base. */
function mockPullRequestReads(scope: nock.Scope): nock.Scope {
  return scope
    .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: BASE }).reply(404, {})
    .get(`${REPO}/pulls/2/files`).query(true).reply(200, [
      { filename: "runs/exp1/metrics.csv", status: "added", patch: "@@ -0,0 +1,31 @@" },
      { filename: "train.py", status: "modified", patch: PATCH },
    ])
    .get(`${REPO}/contents/runs%2Fexp1%2Fmetrics.csv`).query({ ref: HEAD }).reply(200, contentResponse("runs/exp1/metrics.csv", divergingCsv()))
    .get(`${REPO}/contents/train.py`).query({ ref: HEAD }).reply(200, contentResponse("train.py", BAD_TRAIN_PY))
    .get(`${REPO}/contents/train.py`).query({ ref: BASE }).reply(200, contentResponse("train.py", GOOD_TRAIN_PY));
}

describe("pull_request handler", () => {
  const env = useNockedTestApp(async (app) => {
    // main (here: master) converged: its latest diagnosis was stored by an earlier push.
    const base = analyzeLogs([{ path: "runs/exp1/metrics.csv", data: new TextEncoder().encode(healthyCsv()) }], DEFAULT_APP_CONFIG);
    await app.store.saveDiagnosis({ repo: "Codertocat/Hello-World", ref: "master", sha: BASE, kind: "training", summary: summarizeDiagnosis(base.report), createdAt: "2026-11-21T00:00:00.000Z" });
  });

  test("opened: config gate diff + review suggestion, training check compared with master, one sticky comment; synchronize updates it in place", async () => {
    const checkRuns: { name: string; conclusion: string; output: { title: string; summary: string; text?: string } }[] = [];
    const comments: { body: string }[] = [];
    const reviews: { comments: { path: string; line: number; body: string }[]; commit_id: string }[] = [];
    const api = mockPullRequestReads(mockToken(nock(API)))
      .post(`${REPO}/check-runs`, (b: (typeof checkRuns)[number]) => { checkRuns.push(b); return true; }).times(2).reply(201, { id: 9 })
      .post(`${REPO}/pulls/2/reviews`, (b: (typeof reviews)[number]) => { reviews.push(b); return true; }).reply(200, { id: 31 })
      // opened: a new PR holds no comment of ours yet, so the comment is created without listing comments.
      .post(`${REPO}/issues/2/comments`, (b: { body: string }) => { comments.push(b); return true; }).reply(201, { id: 555 });

    await env.app.probot.receive({ id: "pr-1", name: "pull_request", payload: prPayload("opened") } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);

    const [config, training] = checkRuns;
    expect(config?.conclusion).toBe("failure");
    expect(config?.output.title).toBe("1 new training-config problem");
    expect(config?.output.summary).toContain("| `lr` | `train.py:5` | `1e-3` → `1.0` |");
    // summary = verdict, counts, changed settings; text = the details; no block in both.
    expect(config?.output.summary).toContain("**1** new problem · **0** fixed · **0** pre-existing — details below.");
    expect(config?.output.summary).not.toContain("New problems");
    expect(config?.output.text).toContain("**New problems**");
    expect(config?.output.text).not.toContain("Changed settings");
    expect(reviews[0]?.commit_id).toBe(HEAD);
    expect(reviews[0]?.comments).toEqual([expect.objectContaining({ path: "train.py", line: 5 })]);
    expect(reviews[0]?.comments[0]?.body).toContain("```suggestion\noptimizer = torch.optim.Adam(model.parameters(), lr=1e-3)\n```");
    expect(training?.conclusion).toBe("failure");
    expect(training?.output.summary).toContain("**new** in `exp1/metrics`");
    expect(training?.output.summary).toContain("not seen on `master`");
    const body = comments[0]?.body ?? "";
    expect(body.startsWith(commentMarker("report"))).toBe(true);
    expect(body).toContain("### Training curves");
    expect(body).toContain("### Training config");
    expect(body.length).toBeLessThanOrEqual(65_536);

    // synchronize: same content; the comment is edited in place and the suggestion is not repeated.
    let patched: { body: string } | undefined;
    // The installation token is cached by Probot: no second token request.
    const again = mockPullRequestReads(nock(API))
      .post(`${REPO}/check-runs`).times(2).reply(201, { id: 10 })
      .patch(`${REPO}/issues/comments/555`, (b: { body: string }) => { patched = b; return true; }).reply(200, { id: 555 });
    await env.app.probot.receive({ id: "pr-2", name: "pull_request", payload: prPayload("synchronize") } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(again.pendingMocks()).toEqual([]);
    expect(patched?.body).toContain(commentMarker("report"));
  }, HANDLER_TIMEOUT_MS);

  test("a redelivered pull_request webhook writes nothing the second time", async () => {
    let writes = 0;
    mockPullRequestReads(mockToken(nock(API)))
      .post(`${REPO}/check-runs`).times(2).reply(201, () => { writes++; return { id: 9 }; })
      .post(`${REPO}/pulls/2/reviews`).reply(200, () => { writes++; return { id: 1 }; })
      .post(`${REPO}/issues/2/comments`).reply(201, () => { writes++; return { id: 2 }; });
    const payload = prPayload("opened");
    await env.app.probot.receive({ id: "pr-dup", name: "pull_request", payload } as never);
    await env.app.probot.receive({ id: "pr-dup", name: "pull_request", payload } as never);
    expect(writes).toBe(4);
    expect(env.tracker.unmatched).toEqual([]);
  }, HANDLER_TIMEOUT_MS);

  test("an existing sticky comment found by its marker is updated instead of duplicated", async () => {
    let patched = false;
    mockPullRequestReads(mockToken(nock(API)))
      .post(`${REPO}/check-runs`).times(2).reply(201, { id: 9 })
      .post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 })
      .get(`${REPO}/issues/2/comments`).query(true).reply(200, [{ id: 4242, body: `${commentMarker("report")}\nold` }])
      .patch(`${REPO}/issues/comments/4242`).reply(200, () => { patched = true; return { id: 4242 }; });
    await env.app.probot.receive({ id: "pr-marker", name: "pull_request", payload: prPayload("synchronize") } as never);
    expect(patched).toBe(true);
    expect(env.tracker.unmatched).toEqual([]);
    expect(await env.app.store.getCommentId({ repo: "Codertocat/Hello-World", issueNumber: 2, key: "report" })).toBe(4242);
  }, HANDLER_TIMEOUT_MS);

  test("a workflow-run report comment (own marker) or a comment quoting the marker is never taken for the PR report", async () => {
    await env.app.store.setCommentId({ repo: "Codertocat/Hello-World", issueNumber: 2, key: "workflow-7" }, 700);
    let created = false;
    const api = mockPullRequestReads(mockToken(nock(API)))
      .post(`${REPO}/check-runs`).times(2).reply(201, { id: 9 })
      .post(`${REPO}/pulls/2/reviews`).reply(200, { id: 1 })
      .get(`${REPO}/issues/2/comments`).query(true).reply(200, [
        { id: 700, body: `${commentMarker("workflow-7")}\n## 🩺 Loss Doctor\n` },
        { id: 701, body: `How do I hide a comment like \`${commentMarker("report")}\`?` },
      ])
      .post(`${REPO}/issues/2/comments`).reply(201, () => { created = true; return { id: 702 }; });
    await env.app.probot.receive({ id: "pr-wf", name: "pull_request", payload: prPayload("synchronize") } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
    expect(created).toBe(true);
    expect(await env.app.store.getCommentId({ repo: "Codertocat/Hello-World", issueNumber: 2, key: "report" })).toBe(702);
    expect(await env.app.store.getCommentId({ repo: "Codertocat/Hello-World", issueNumber: 2, key: "workflow-7" })).toBe(700);
  }, HANDLER_TIMEOUT_MS);

  test("a log the PR adds is read from its complete patch: no contents request for it", async () => {
    const csv = divergingCsv();
    const lines = csv.replace(/\n$/, "").split("\n");
    const patch = [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join("\n");
    const checkRuns: { name: string; conclusion: string }[] = [];
    const api = mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: BASE }).reply(404, {})
      .get(`${REPO}/pulls/2/files`).query(true).reply(200, [{ filename: "runs/exp1/metrics.csv", status: "added", patch }])
      .post(`${REPO}/check-runs`, (b: (typeof checkRuns)[number]) => { checkRuns.push(b); return true; }).reply(201, { id: 9 })
      .post(`${REPO}/issues/2/comments`).reply(201, { id: 10 });
    await env.app.probot.receive({ id: "pr-patch", name: "pull_request", payload: prPayload("opened") } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
    expect(checkRuns).toEqual([expect.objectContaining({ name: "Loss Doctor / training", conclusion: "failure" })]);
  }, HANDLER_TIMEOUT_MS);

  test("a PR that breaks .github/loss-doctor.yml is told so in the sticky comment before merging", async () => {
    const comments: string[] = [];
    mockToken(nock(API))
      .get(`${REPO}/pulls/2/files`).query(true).reply(200, [{ filename: ".github/loss-doctor.yml", status: "modified", patch: "@@ -1 +1 @@" }])
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: BASE }).reply(404, {})
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: HEAD }).reply(200, contentResponse(".github/loss-doctor.yml", "checks:\n  failOnTraining: sometimes\n"))
      .post(`${REPO}/issues/2/comments`, (b: { body: string }) => { comments.push(b.body); return true; }).reply(201, { id: 9 });
    await env.app.probot.receive({ id: "pr-cfg", name: "pull_request", payload: prPayload("opened") } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(comments[0]).toContain("This PR's version: .github/loss-doctor.yml: `checks.failOnTraining` invalid option");
  }, HANDLER_TIMEOUT_MS);
});
