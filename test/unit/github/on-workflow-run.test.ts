import { describe, expect, test } from "@jest/globals";
import { zipSync } from "fflate";
import nock from "nock";
import { analyzeLogs } from "../../../src/github/analyze/analyze-logs.js";
import { summarizeDiagnosis } from "../../../src/github/analyze/summary.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { CHECK_REPRO, CHECK_TRAINING } from "../../../src/github/report/messages.js";
import { commentMarker } from "../../../src/github/report/marker.js";
import { divergingCsv } from "./helpers/logs.js";
import { API, useNockedTestApp, examplePayload, mockToken } from "./helpers/probot.js";

const REPO = "/repos/octo-org/octo-repo";
const SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
const TIMEOUT_MS = 30_000;

interface RunPayload { workflow_run: { path: string; conclusion: string; id: number; head_sha: string }; repository: unknown }
const runPayload = (patch: (p: RunPayload) => void = () => {}) => examplePayload<RunPayload>("workflow_run", "completed", patch, 2);

interface ActionPayload {
  check_run: { name: string; head_sha: string; pull_requests: unknown[]; check_suite: { head_branch: string } };
  requested_action: { identifier: string };
  repository: unknown;
  sender: { login: string };
}
const actionPayload = () => examplePayload<ActionPayload>("check_run", "requested_action", (p) => {
  p.check_run.name = CHECK_TRAINING;
  p.check_run.head_sha = SHA;
  p.check_run.pull_requests = [];
  p.check_run.check_suite.head_branch = "feature";
  p.requested_action = { identifier: "reproduce" };
  p.repository = runPayload().repository;
  p.sender.login = "alice";
});

/** A result.json as the repro workflow uploads it, for the plan the app dispatched. */
function resultZip(plan: unknown): Uint8Array {
  const result = {
    version: 1, backend: "tfjs-node-gpu", durationMs: 42_000, plan, arms: [], runs: [], notes: [],
    interventions: [
      { id: "lr-1e-3", cause: "lr-too-high", verdict: "confirmed", pValue: 0.0012, effect: 2.4, metric: "final-loss", ratio: 0.1, baselineSymptomRate: 1, symptomRate: 0, symptomPValue: 0.05, reason: "" },
      { id: "batch-32", cause: "batch-too-small", verdict: "not-confirmed", pValue: 0.41, effect: 0.1, metric: "step-noise", ratio: 0.9, baselineSymptomRate: 1, symptomRate: 1, symptomPValue: 1, reason: "" },
    ],
  };
  return zipSync({ "result.json": new TextEncoder().encode(JSON.stringify(result)) });
}

describe("workflow_run.completed and reproduction", () => {
  const env = useNockedTestApp();

  test("a run's artifact zip is diagnosed: check run on head_sha and a sticky comment on its PR", async () => {
    const zip = zipSync({ "run1/metrics.csv": new TextEncoder().encode(divergingCsv()) });
    const checks: { name: string; head_sha: string; conclusion: string }[] = [];
    const comments: string[] = [];
    const api = mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .get(`${REPO}/actions/runs/289782451/artifacts`).query(true).reply(200, {
        total_count: 3, artifacts: [
          { id: 1, name: "training-logs", size_in_bytes: zip.byteLength, expired: false },
          { id: 2, name: "old-logs", size_in_bytes: 10, expired: true },
          { id: 3, name: "checkpoints", size_in_bytes: 900 * 1024 * 1024, expired: false },
        ] })
      .get(`${REPO}/actions/artifacts/1/zip`).reply(200, Buffer.from(zip), { "content-type": "application/zip" })
      .post(`${REPO}/check-runs`, (b: (typeof checks)[number]) => { checks.push(b); return true; }).reply(201, { id: 12 })
      .get(`${REPO}/issues/2/comments`).query(true).reply(200, [])
      .post(`${REPO}/issues/2/comments`, (b: { body: string }) => { comments.push(b.body); return true; }).reply(201, { id: 13 });
    await env.app.probot.receive({ id: "wr-1", name: "workflow_run", payload: runPayload() } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
    expect(checks[0]).toMatchObject({ name: CHECK_TRAINING, head_sha: SHA, conclusion: "failure" });
    // Its own marker, not the PR report's: a later pull_request report must never find and overwrite it.
    expect(comments[0]?.startsWith(commentMarker("workflow-2823525"))).toBe(true);
    expect(comments[0]).not.toContain(commentMarker("report"));
    expect(comments[0]).toContain("Artifact `old-logs` has expired");
    expect(comments[0]).toMatch(/Artifact `checkpoints` is [\d,]+ bytes, above the/);
    expect(await env.app.store.getCommentId({ repo: "octo-org/octo-repo", issueNumber: 2, key: "workflow-2823525" })).toBe(13);
  }, TIMEOUT_MS);

  test("cancelled runs are not diagnosed", async () => {
    const api = mockToken(nock(API)).get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {});
    await env.app.probot.receive({ id: "wr-c", name: "workflow_run", payload: runPayload((p) => { p.workflow_run.conclusion = "cancelled"; }) } as never);
    expect(api.pendingMocks()).toEqual([]);
    expect(env.tracker.unmatched).toEqual([]);
  }, TIMEOUT_MS);

  test("a cancelled repro run completes its in-progress check run with a failure that links the run", async () => {
    await env.app.store.saveExperiment({ id: "exp-1", repo: "octo-org/octo-repo", sha: SHA, checkRunId: 400, status: "in_progress", plan: {}, result: null, requestedBy: "alice", createdAt: "2026-11-22T09:00:00.000Z", updatedAt: "2026-11-22T09:00:00.000Z" });
    let update: { conclusion: string; output: { summary: string } } | undefined;
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .patch(`${REPO}/check-runs/400`, (b: typeof update) => { update = b; return true; }).reply(200, { id: 400 });
    const cancelled = runPayload((p) => { p.workflow_run.conclusion = "cancelled"; p.workflow_run.path = ".github/workflows/loss-doctor-repro.yml"; });
    await env.app.probot.receive({ id: "wr-rc", name: "workflow_run", payload: cancelled } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(update?.conclusion).toBe("failure");
    expect(update?.output.summary).toContain("ended with `cancelled`");
    expect((await env.app.store.getExperiment("exp-1"))?.status).toBe("failed");
  }, TIMEOUT_MS);

  test("Reproduce by a writer dispatches the repro workflow, then its result artifact completes the reproduction check run", async () => {
    const report = analyzeLogs([{ path: "metrics.csv", data: new TextEncoder().encode(divergingCsv()) }], DEFAULT_APP_CONFIG).report;
    await env.app.store.saveDiagnosis({ repo: "octo-org/octo-repo", ref: "feature", sha: SHA, kind: "training", summary: summarizeDiagnosis(report), createdAt: "2026-11-22T09:00:00.000Z" });
    let dispatched: { ref: string; inputs: Record<string, string> } | undefined;
    let started: { name: string; status: string; external_id: string } | undefined;
    mockToken(nock(API))
      .get(`${REPO}/collaborators/alice/permission`).reply(200, { permission: "write" })
      .get(`${REPO}/branches/feature`).reply(200, { name: "feature", commit: { sha: SHA } })
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .post(`${REPO}/check-runs`, (b: typeof started) => { started = b; return true; }).reply(201, { id: 300 })
      .post(`${REPO}/actions/workflows/loss-doctor-repro.yml/dispatches`, (b: typeof dispatched) => { dispatched = b; return true; }).reply(204);
    await env.app.probot.receive({ id: "ra-1", name: "check_run", payload: actionPayload() } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(started).toMatchObject({ name: CHECK_REPRO, status: "in_progress" });
    expect(dispatched?.ref).toBe("feature");
    expect(JSON.parse(dispatched?.inputs["runs-on"] ?? "null")).toEqual(["self-hosted", "gpu"]);
    const plan = JSON.parse(dispatched?.inputs.plan ?? "{}") as { name: string; seeds: number[]; arms: { id: string }[] };
    expect(plan.seeds).toEqual([1, 2, 3]);
    expect(plan.name).toBe(started?.external_id);
    expect(plan.arms.length).toBeGreaterThan(1);
    expect((await env.app.store.findExperimentBySha("octo-org/octo-repo", SHA))?.status).toBe("in_progress");

    let completed: { status: string; conclusion: string; output: { title: string; summary: string } } | undefined;
    const zip = resultZip(plan);
    nock(API)
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .get(`${REPO}/actions/runs/289782451/artifacts`).query(true).reply(200, { total_count: 1, artifacts: [{ id: 8, name: "loss-doctor-repro-result", size_in_bytes: zip.byteLength, expired: false }] })
      .get(`${REPO}/actions/artifacts/8/zip`).reply(200, Buffer.from(zip), { "content-type": "application/zip" })
      .patch(`${REPO}/check-runs/300`, (b: typeof completed) => { completed = b; return true; }).reply(200, { id: 300 });
    const repro = runPayload((p) => { p.workflow_run.path = ".github/workflows/loss-doctor-repro.yml"; });
    await env.app.probot.receive({ id: "wr-repro", name: "workflow_run", payload: repro } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(completed).toMatchObject({ status: "completed", conclusion: "success", output: { title: "Confirmed: lr-1e-3" } });
    expect(completed?.output.summary).toContain("| ✅ confirmed | `lr-1e-3` | `lr-too-high` | 0.0012 | 2.4 | 1.0 → 0.0 |");
    expect((await env.app.store.findExperimentBySha("octo-org/octo-repo", SHA))?.status).toBe("completed");
  }, TIMEOUT_MS);

  test("Reproduce by a user without write access dispatches nothing and says why", async () => {
    let check: { name: string; conclusion: string; output: { summary: string } } | undefined;
    mockToken(nock(API))
      .get(`${REPO}/collaborators/alice/permission`).reply(200, { permission: "read" })
      .post(`${REPO}/check-runs`, (b: typeof check) => { check = b; return true; }).reply(201, { id: 301 });
    await env.app.probot.receive({ id: "ra-2", name: "check_run", payload: actionPayload() } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(check).toMatchObject({ name: CHECK_REPRO, conclusion: "failure" });
    expect(check?.output.summary).toContain("@alice does not have write access");
  }, TIMEOUT_MS);

  test("Reproduce on a commit that is not the tip of one of our branches (a fork PR) dispatches nothing", async () => {
    let check: { output: { summary: string } } | undefined;
    mockToken(nock(API))
      .get(`${REPO}/collaborators/alice/permission`).reply(200, { permission: "admin" })
      .get(`${REPO}/branches/feature`).reply(404, {})
      .post(`${REPO}/check-runs`, (b: typeof check) => { check = b; return true; }).reply(201, { id: 302 });
    await env.app.probot.receive({ id: "ra-3", name: "check_run", payload: actionPayload() } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(check?.output.summary).toContain("never start automatically for pull requests from forks");
  }, TIMEOUT_MS);
});
