import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { ProbotOctokit } from "probot";
import type { CheckRunPlan } from "../../../src/github/report/check-run-output.js";
import { publishCheckRun } from "../../../src/github/publish/create-check-run.js";
import { upsertStickyComment } from "../../../src/github/publish/upsert-comment.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { API, trackUnmatched } from "./helpers/probot.js";

const repo = { owner: "o", repo: "r" };
const octokit = () => new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });

function plan(annotations: number): CheckRunPlan {
  return {
    name: "Loss Doctor / training", headSha: "abc", status: "completed", conclusion: "failure", actions: [],
    output: {
      title: "t", summary: "s", images: [],
      annotations: Array.from({ length: annotations }, (_, i) => ({ path: "train.py", start_line: i + 1, end_line: i + 1, annotation_level: "warning" as const, message: `m${i}` })),
    },
  };
}

describe("publish", () => {
  let tracker: ReturnType<typeof trackUnmatched>;
  beforeEach(() => {
    nock.disableNetConnect();
    tracker = trackUnmatched();
  });
  afterEach(() => {
    tracker.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test("publishCheckRun(120 annotations) creates with 50 and appends 50 + 20 in two updates", async () => {
    const sizes: number[] = [];
    const record = (b: { output: { annotations?: unknown[] } }) => { sizes.push(b.output.annotations?.length ?? 0); return true; };
    nock(API)
      .post("/repos/o/r/check-runs", record).reply(201, { id: 42 })
      .patch("/repos/o/r/check-runs/42", record).times(2).reply(200, { id: 42 });
    expect(await publishCheckRun(octokit(), repo, plan(120))).toBe(42);
    expect(sizes).toEqual([50, 50, 20]);
    expect(tracker.unmatched).toEqual([]);
  });

  test("publishCheckRun(plan, existingId) updates the existing check run", async () => {
    nock(API).patch("/repos/o/r/check-runs/7").reply(200, { id: 7 });
    expect(await publishCheckRun(octokit(), repo, plan(0), 7)).toBe(7);
    expect(tracker.unmatched).toEqual([]);
  });

  test("upsertStickyComment() re-creates a sticky comment a user deleted", async () => {
    const store = new MemoryStore();
    const key = { repo: "o/r", issueNumber: 3, key: "report" };
    await store.setCommentId(key, 10);
    nock(API)
      .patch("/repos/o/r/issues/comments/10").reply(404, { message: "Not Found" })
      .post("/repos/o/r/issues/3/comments").reply(201, { id: 11 });
    expect(await upsertStickyComment(octokit(), store, { ...repo, issueNumber: 3, key: "report", body: "<!-- loss-doctor:report -->\nx" })).toEqual({ id: 11, created: true });
    expect(await store.getCommentId(key)).toBe(11);
  });

  test("concurrent upserts for one PR create a single comment and then update it", async () => {
    const store = new MemoryStore();
    let created = 0;
    nock(API)
      .get("/repos/o/r/issues/4/comments").query(true).reply(200, [])
      .post("/repos/o/r/issues/4/comments").reply(201, () => { created++; return { id: 20 }; })
      .patch("/repos/o/r/issues/comments/20").reply(200, { id: 20 });
    const c = { ...repo, issueNumber: 4, key: "report", body: "<!-- loss-doctor:report -->" };
    const results = await Promise.all([upsertStickyComment(octokit(), store, c), upsertStickyComment(octokit(), store, c)]);
    expect(created).toBe(1);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(tracker.unmatched).toEqual([]);
  });
});
