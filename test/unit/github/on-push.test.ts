import { describe, expect, test } from "@jest/globals";
import nock from "nock";
import { AppConfigCache } from "../../../src/config/config-cache.js";
import { configUnchangedSinceBefore } from "../../../src/github/handlers/on-push.js";
import { CHECK_CONFIG, CHECK_TRAINING } from "../../../src/github/report/messages.js";
import { divergingCsv, BAD_TRAIN_PY } from "./helpers/logs.js";
import { API, useNockedTestApp, contentResponse, createTestApp, examplePayload, FIXED_NOW, mockToken } from "./helpers/probot.js";

const REPO = "/repos/Codertocat/Hello-World";
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";

interface PushPayload { ref: string; after: string; before: string; forced: boolean; created: boolean; commits: { added: string[]; modified: string[]; removed: string[] }[] }

/** The branch push example, with a changed log and training script. */
function pushPayload(added: string[], modified: string[] = []) {
  return examplePayload<PushPayload>("push", null, (p) => {
    p.commits[0]!.added = added;
    p.commits[0]!.modified = modified;
    p.commits[0]!.removed = [];
  }, 4);
}

describe("push handler", () => {
  const env = useNockedTestApp();

  test("receive(push with a diverging log and a bad train.py) completes both check runs with failure, annotations and the stored diagnosis", async () => {
    const checkRuns: Record<string, unknown>[] = [];
    const api = mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: SHA }).reply(404, { message: "Not Found" })
      .get(`${REPO}/contents/runs%2Fexp1%2Fmetrics.csv`).query({ ref: SHA }).reply(200, contentResponse("runs/exp1/metrics.csv", divergingCsv()))
      .get(`${REPO}/contents/train.py`).query({ ref: SHA }).reply(200, contentResponse("train.py", BAD_TRAIN_PY))
      .post(`${REPO}/check-runs`, (body: Record<string, unknown>) => { checkRuns.push(body); return true; }).times(2).reply(201, { id: 77 });

    await env.app.probot.receive({ id: "push-1", name: "push", payload: pushPayload(["runs/exp1/metrics.csv", "train.py", "README.md"]) } as never);

    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
    const [config, training] = checkRuns as { name: string; head_sha: string; conclusion: string; output: { title: string; summary: string; annotations?: { path: string; start_line: number; annotation_level: string }[] }; actions?: unknown[] }[];
    expect(config?.name).toBe(CHECK_CONFIG);
    expect(config?.conclusion).toBe("failure");
    expect(config?.output.annotations).toEqual([expect.objectContaining({ path: "train.py", start_line: 5, annotation_level: "failure" })]);
    expect(training?.name).toBe(CHECK_TRAINING);
    expect(training?.head_sha).toBe(SHA);
    expect(training?.conclusion).toBe("failure");
    expect(training?.output.title).toMatch(/^1 error/);
    expect(training?.output.summary).toContain("`divergence`");
    expect(training?.output.annotations?.[0]).toMatchObject({ path: "runs/exp1/metrics.csv", annotation_level: "failure" });
    expect(training?.actions).toEqual([{ label: "Reproduce", description: "Run fix experiments on your runner", identifier: "reproduce" }]);
    const stored = await env.app.store.latestDiagnosis("Codertocat/Hello-World", "master", "training");
    expect(stored).toMatchObject({ sha: SHA, createdAt: FIXED_NOW.toISOString() });
  });

  test("receive(the same delivery id twice) creates the check run once", async () => {
    let created = 0;
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, () => { created++; return true; }).reply(201, { id: 1 });
    const payload = pushPayload(["metrics.csv"]);
    await env.app.probot.receive({ id: "push-dup", name: "push", payload } as never);
    await env.app.probot.receive({ id: "push-dup", name: "push", payload } as never);
    expect(created).toBe(1);
    expect(env.tracker.unmatched).toEqual([]);
    expect(env.app.logs.text()).toContain("duplicate delivery skipped");
  });

  test("a delivery whose process died mid-way (claim expired, never completed) is processed when redelivered", async () => {
    const payload = pushPayload(["metrics.csv"]);
    // What a crashed replica left behind: claimed an hour before FIXED_NOW for 15 minutes, not completed.
    const hourAgo = new Date(FIXED_NOW.getTime() - 3_600_000);
    await env.app.store.claimDelivery({ id: "push-crashed", event: "push", receivedAt: hourAgo.toISOString(), claimedUntil: new Date(hourAgo.getTime() + 900_000).toISOString() });
    let created = 0;
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, () => { created++; return true; }).reply(201, { id: 1 });
    await env.app.probot.receive({ id: "push-crashed", name: "push", payload } as never);
    expect(created).toBe(1);
    // Completed now: a further redelivery is skipped.
    await env.app.probot.receive({ id: "push-crashed", name: "push", payload } as never);
    expect(created).toBe(1);
    expect(env.tracker.unmatched).toEqual([]);
  });

  test("receive(push without logs or configs) makes no GitHub write", async () => {
    const api = mockToken(nock(API)).get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {});
    await env.app.probot.receive({ id: "push-none", name: "push", payload: pushPayload(["README.md"], ["src/env.app.ts"]) } as never);
    expect(api.pendingMocks()).toEqual([]);
    expect(env.tracker.unmatched).toEqual([]);
  });

  test("receive(push of a tag or a deleted branch) is ignored without any request", async () => {
    await env.app.probot.receive({ id: "push-tag", name: "push", payload: examplePayload("push", null, () => {}, 0) } as never);
    await env.app.probot.receive({ id: "push-del", name: "push", payload: examplePayload("push", null, () => {}, 1) } as never);
    expect(env.tracker.unmatched).toEqual([]);
  });

  test("a failing GitHub call ends as a completed failure check run with a user-safe message; details go to the log with the delivery id", async () => {
    let failure: { conclusion?: string; output?: { summary: string } } = {};
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(500, { message: "secret internal detail" })
      .post(`${REPO}/check-runs`, (b: typeof failure) => { failure = b; return true; }).reply(201, { id: 5 });
    await env.app.probot.receive({ id: "push-500", name: "push", payload: pushPayload(["metrics.csv"]) } as never);
    expect(failure.conclusion).toBe("failure");
    expect(failure.output?.summary).toContain("delivery id `push-500`");
    expect(failure.output?.summary).not.toContain("secret internal detail");
    const logged = env.app.logs.lines.find((l) => l.msg === "delivery failed");
    expect(logged).toMatchObject({ deliveryId: "push-500", event: "push" });
    expect(env.app.logs.text()).not.toContain("test-token");
  });

  test("a failed write is logged without its request body, response body, headers or token", async () => {
    const bodies: string[] = [];
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, (b: unknown) => { bodies.push(JSON.stringify(b)); return true; }).times(2)
      .reply(500, { message: "Server Error", echoed_body: "RESPONSE-BODY-MARKER" }, { "x-github-request-id": "ABCD:1234" });
    await env.app.probot.receive({ id: "push-500w", name: "push", payload: pushPayload(["metrics.csv"]) } as never);
    expect(bodies).toHaveLength(2);
    const failed = env.app.logs.lines.find((l) => l.msg === "delivery failed");
    expect(failed).toMatchObject({ deliveryId: "push-500w", event: "push", error: { status: 500, request: `POST ${API}${REPO}/check-runs`, requestId: "ABCD:1234" } });
    expect(env.app.logs.lines.find((l) => l.msg === "could not report the failure")).toMatchObject({ deliveryId: "push-500w", error: { status: 500 } });
    const text = env.app.logs.text();
    expect(text).not.toContain("test-token");
    expect(text).not.toContain("RESPONSE-BODY-MARKER");
    expect(text).not.toContain("annotations");
    expect(text).not.toContain("Loss Doctor / training");
  });

  test("with a config cache, .github/loss-doctor.yml is fetched once per commit, and not at all when the push left it as in the cached parent", async () => {
    const cached = await createTestApp({ configCache: new AppConfigCache() });
    const payload = pushPayload(["metrics.csv"]);
    const api = mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query({ ref: SHA }).once().reply(200, contentResponse(".github/loss-doctor.yml", "checks:\n  failOnTraining: never\n"))
      .get(`${REPO}/contents/metrics.csv`).query(true).times(3).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`).times(3).reply(201, { id: 5 });
    await cached.probot.receive({ id: "cache-1", name: "push", payload } as never);
    await cached.probot.receive({ id: "cache-2", name: "push", payload } as never);
    // A child commit whose push did not touch the config: the parent's cached config is used.
    const child = { ...payload, created: false, before: SHA, after: "e".repeat(40) };
    await cached.probot.receive({ id: "cache-3", name: "push", payload: child } as never);
    expect(env.tracker.unmatched).toEqual([]);
    expect(api.pendingMocks()).toEqual([]);
  });

  test("configUnchangedSinceBefore: only when no listed commit touched the config and the push is a plain fast-forward", () => {
    const base = { before: SHA, forced: false, created: false, commits: [{ added: ["a.csv"], modified: [], removed: [] }] };
    expect(configUnchangedSinceBefore(base)).toBe(true);
    expect(configUnchangedSinceBefore({ ...base, commits: [{ added: [], modified: [".github/loss-doctor.yml"], removed: [] }] })).toBe(false);
    expect(configUnchangedSinceBefore({ ...base, forced: true })).toBe(false);
    expect(configUnchangedSinceBefore({ ...base, created: true, before: "0".repeat(40) })).toBe(false);
    expect(configUnchangedSinceBefore({ ...base, commits: Array.from({ length: 20 }, () => ({ added: [], modified: [], removed: [] })) })).toBe(false);
  });

  test("an invalid .github/loss-doctor.yml is reported in the check run and the defaults are used", async () => {
    let training: { conclusion?: string; output?: { summary: string } } = {};
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(200, contentResponse(".github/loss-doctor.yml", "checks:\n  failOnTraining: sometimes\n"))
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, (b: typeof training) => { training = b; return true; }).reply(201, { id: 5 });
    await env.app.probot.receive({ id: "push-badcfg", name: "push", payload: pushPayload(["metrics.csv"]) } as never);
    expect(training.conclusion).toBe("failure");
    expect(training.output?.summary).toContain("`checks.failOnTraining` invalid option");
  });

  test("with a public URL, the check run carries signed chart images and the report embeds the PNG", async () => {
    const hosted = await createTestApp({ hosting: { publicUrl: "https://ld.example.com", signingKey: "k".repeat(40) } });
    let check: { output: { text: string; images?: { image_url: string; alt: string }[] } } | undefined;
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, (b: typeof check) => { check = b; return true; }).reply(201, { id: 8 });
    await hosted.probot.receive({ id: "push-charts", name: "push", payload: pushPayload(["metrics.csv"]) } as never);
    const image = check?.output.images?.[0];
    expect(image?.image_url).toMatch(/^https:\/\/ld\.example\.com\/charts\/[\w-]{22}\.png\?sig=[\w-]{43}$/);
    expect(check?.output.text).toContain(`](${image?.image_url ?? "?"})`);
    expect(check?.output.text).not.toContain("```mermaid");
    const id = new URL(image!.image_url).pathname.replace("/charts/", "");
    expect((await hosted.store.getChart(id))?.contentType).toBe("image/png");
  }, 60_000);
});
