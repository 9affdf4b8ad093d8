import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { CHECK_TRAINING } from "../../../src/github/report/messages.js";
import { divergingCsv } from "./helpers/logs.js";
import { API, useNockedTestApp, contentResponse, examplePayload, mockToken } from "./helpers/probot.js";

const REPO = "/repos/github/hello-world";
const SHA = "d6fde92930d4715a2b49857d24b940956b26d2d3";

const rerequest = (name: string) => examplePayload<{ check_run: { name: string } }>("check_run", "rerequested", (p) => { p.check_run.name = name; });

describe("check_run.rerequested", () => {
  const env = useNockedTestApp();

  test("re-running our training check outside a PR diagnoses the logs changed by that commit again", async () => {
    let check: { name: string; head_sha: string; conclusion: string } | undefined;
    const api = mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: SHA }).reply(404, {})
      .get(`${REPO}/commits/${SHA}`).reply(200, { sha: SHA, files: [{ filename: "logs/metrics.csv", status: "added" }, { filename: "old.csv", status: "removed" }] })
      .get(`${REPO}/contents/logs%2Fmetrics.csv`).query({ ref: SHA }).reply(200, contentResponse("logs/metrics.csv", divergingCsv()))
      .get(`${REPO}/branches/master`).reply(200, { name: "master", commit: { sha: SHA } })
      .post(`${REPO}/check-runs`, (b: typeof check) => { check = b; return true; }).reply(201, { id: 3 });
    await env.app.probot.receive({ id: "rr-1", name: "check_run", payload: rerequest(CHECK_TRAINING) } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
    expect(check).toMatchObject({ name: CHECK_TRAINING, head_sha: SHA, conclusion: "failure" });
    expect((await env.app.store.latestDiagnosis("github/hello-world", "master", "training"))?.sha).toBe(SHA);
  }, 30_000);

  test("re-runs of other apps' check runs are ignored", async () => {
    await env.app.probot.receive({ id: "rr-2", name: "check_run", payload: rerequest("randscape") } as never);
    expect(env.tracker.unmatched).toEqual([]);
  });
});
