import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { zipSync } from "fflate";
import nock from "nock";
import { DIAGNOSE_HELP } from "../../../src/github/report/help.js";
import { divergingCsv, healthyCsv } from "./helpers/logs.js";
import { API, contentResponse, createTestApp, examplePayload, mockToken, trackUnmatched, type TestApp } from "./helpers/probot.js";

const REPO = "/repos/Codertocat/Hello-World";
const TIMEOUT_MS = 30_000;

const commentPayload = (body: string, userType = "User") =>
  examplePayload<{ comment: { body: string; user: { type: string } } }>("issue_comment", "created", (p) => {
    p.comment.body = body;
    p.comment.user.type = userType;
  });

describe("issue_comment /diagnose", () => {
  let app: TestApp;
  let tracker: ReturnType<typeof trackUnmatched>;
  const fetched: string[] = [];
  beforeEach(async () => {
    nock.disableNetConnect();
    fetched.length = 0;
    // Attachments are fetched through the injected fetch: a fake GitHub upload host.
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = String(input);
      fetched.push(url);
      if (url === "https://github.com/user-attachments/files/1/run.csv") return new Response(null, { status: 302, headers: { location: "https://objects.githubusercontent.com/files/1/run.csv" } });
      if (url === "https://objects.githubusercontent.com/files/1/run.csv") return new Response(divergingCsv());
      if (url === "https://github.com/user-attachments/files/2/redirect.csv") return new Response(null, { status: 302, headers: { location: "https://169.254.169.254/meta" } });
      if (url === "https://github.com/user-attachments/files/3/huge.csv") return new Response("x".repeat(30 * 1024 * 1024));
      return new Response("not found", { status: 404 });
    }) as typeof fetch;
    app = await createTestApp({ fetch: fakeFetch });
    tracker = trackUnmatched();
  });
  afterEach(() => {
    tracker.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test("/diagnose help reacts with 👀 and replies with the usage", async () => {
    const replies: string[] = [];
    const api = mockToken(nock(API))
      .post(`${REPO}/issues/comments/492700400/reactions`, { content: "eyes" }).reply(201, {})
      .post(`${REPO}/issues/1/comments`, (b: { body: string }) => { replies.push(b.body); return true; }).reply(201, { id: 1 });
    await app.probot.receive({ id: "c-help", name: "issue_comment", payload: commentPayload("/diagnose help") } as never);
    expect(api.pendingMocks()).toEqual([]);
    expect(tracker.unmatched).toEqual([]);
    expect(replies).toEqual([DIAGNOSE_HELP]);
  }, TIMEOUT_MS);

  test("comments without the command and comments by bots are ignored", async () => {
    await app.probot.receive({ id: "c-none", name: "issue_comment", payload: commentPayload("Nice work!") } as never);
    await app.probot.receive({ id: "c-bot", name: "issue_comment", payload: commentPayload("/diagnose help", "Bot") } as never);
    expect(tracker.unmatched).toEqual([]);
  });

  test("/diagnose with a pasted log, an attachment, a repository path and a refused link replies with the diagnosis", async () => {
    const replies: string[] = [];
    mockToken(nock(API))
      .post(`${REPO}/issues/comments/492700400/reactions`).reply(201, {})
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .get(`${REPO}/contents/runs%2Fok%2Fmetrics.csv`).query({ ref: "v1" }).reply(200, contentResponse("runs/ok/metrics.csv", healthyCsv()))
      .post(`${REPO}/issues/1/comments`, (b: { body: string }) => { replies.push(b.body); return true; }).reply(201, { id: 2 });
    const body = [
      "/diagnose runs/ok/metrics.csv@v1 https://example.com/steal.csv",
      "[run.csv](https://github.com/user-attachments/files/1/run.csv)",
      "```csv", divergingCsv().trim(), "```",
    ].join("\n");
    await app.probot.receive({ id: "c-mixed", name: "issue_comment", payload: commentPayload(body) } as never);
    expect(tracker.unmatched).toEqual([]);
    expect(fetched).toEqual(["https://github.com/user-attachments/files/1/run.csv", "https://objects.githubusercontent.com/files/1/run.csv"]);
    const reply = replies[0] ?? "";
    expect(reply).toContain("## 🩺 Loss Doctor");
    expect(reply).toContain("`pasted-1.csv`");
    expect(reply).toContain("`run.csv`");
    expect(reply).toContain("`runs/ok/metrics.csv`");
    expect(reply).toContain("explodes");
    expect(reply).toContain("Ignored (only files uploaded to GitHub");
    expect(reply).toContain("`https://example.com/steal.csv`");
  }, TIMEOUT_MS);

  test("redirects off GitHub and oversized attachments are refused as visible notes, not crashes", async () => {
    const replies: string[] = [];
    mockToken(nock(API))
      .post(`${REPO}/issues/comments/492700400/reactions`).reply(201, {})
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .post(`${REPO}/issues/1/comments`, (b: { body: string }) => { replies.push(b.body); return true; }).reply(201, { id: 3 });
    const body = "/diagnose https://github.com/user-attachments/files/2/redirect.csv https://github.com/user-attachments/files/3/huge.csv";
    await app.probot.receive({ id: "c-refused", name: "issue_comment", payload: commentPayload(body) } as never);
    expect(fetched).not.toContain("https://169.254.169.254/meta");
    expect(replies[0]).toContain("Refused to download `redirect.csv`");
    expect(replies[0]).toMatch(/`huge.csv` is [\d,]+ bytes, above the 20,971,520-byte limit/);
  }, TIMEOUT_MS);

  test("/diagnose with an Actions run URL downloads the run's artifacts", async () => {
    const replies: string[] = [];
    const zip = zipSync({ "logs/metrics.csv": new TextEncoder().encode(divergingCsv()) });
    mockToken(nock(API))
      .post(`${REPO}/issues/comments/492700400/reactions`).reply(201, {})
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).reply(404, {})
      .get(`${REPO}/actions/runs/99/artifacts`).query(true).reply(200, { total_count: 1, artifacts: [{ id: 7, name: "training-logs", size_in_bytes: zip.byteLength, expired: false }] })
      .get(`${REPO}/actions/artifacts/7/zip`).reply(200, Buffer.from(zip), { "content-type": "application/zip" })
      .post(`${REPO}/issues/1/comments`, (b: { body: string }) => { replies.push(b.body); return true; }).reply(201, { id: 4 });
    await app.probot.receive({ id: "c-run", name: "issue_comment", payload: commentPayload("/diagnose https://github.com/Codertocat/Hello-World/actions/runs/99") } as never);
    expect(tracker.unmatched).toEqual([]);
    expect(replies[0]).toContain("training-logs.zip");
    expect(replies[0]).toContain("explodes");
  }, TIMEOUT_MS);

  test("/diagnose with nothing to read explains how to use it", async () => {
    const replies: string[] = [];
    mockToken(nock(API))
      .post(`${REPO}/issues/comments/492700400/reactions`).reply(201, {})
      .post(`${REPO}/issues/1/comments`, (b: { body: string }) => { replies.push(b.body); return true; }).reply(201, { id: 5 });
    await app.probot.receive({ id: "c-empty", name: "issue_comment", payload: commentPayload("/diagnose") } as never);
    expect(replies[0]).toContain("I found nothing to diagnose");
  }, TIMEOUT_MS);
});
