import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createHmac } from "node:crypto";
import nock from "nock";
import { createServer, WEBHOOK_PATH, type RunningServer } from "../../../src/github/server.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { CHECK_TRAINING } from "../../../src/github/report/messages.js";
import { divergingCsv } from "./helpers/logs.js";
import { isValidSignature } from "../../../src/github/webhook-guard.js";
import { API, captureLogs, contentResponse, examplePayload, FIXED_NOW, mockToken, testPrivateKey } from "./helpers/probot.js";

const SECRET = "webhook-secret";
const REPO = "/repos/Codertocat/Hello-World";

/** POSTs a webhook over loopback, signed like GitHub does (x-hub-signature-256). */
async function deliver(server: RunningServer, id: string, name: string, payload: unknown, secret = SECRET): Promise<number> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${server.url}${WEBHOOK_PATH}`, {
    method: "POST",
    headers: {
      "content-type": "application/json", "x-github-event": name, "x-github-delivery": id,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
  });
  return res.status;
}

describe("createServer() handles signed webhooks end to end (GitHub API mocked with nock)", () => {
  const store = new MemoryStore();
  let server: RunningServer;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    server = await createServer({ appId: 1, privateKey: testPrivateKey(), webhookSecret: SECRET, store, port: 0, host: "127.0.0.1", logLevel: "fatal", now: () => FIXED_NOW, throttle: false });
  });
  afterAll(async () => {
    await server.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  test("a signed push is processed once; its redelivery is acknowledged without a second check run; a forged one is refused", async () => {
    let checkRuns = 0;
    mockToken(nock(API))
      .get(`${REPO}/contents/.github%2Floss-doctor.yml`).query(true).reply(404, {})
      .get(`${REPO}/contents/metrics.csv`).query(true).reply(200, contentResponse("metrics.csv", divergingCsv()))
      .post(`${REPO}/check-runs`, (b: { name: string }) => b.name === CHECK_TRAINING).reply(201, () => { checkRuns++; return { id: 1 }; });
    const payload = examplePayload("push", null, (p: { commits: { added: string[] }[] }) => { p.commits[0]!.added = ["metrics.csv"]; }, 4);
    expect(await deliver(server, "srv-1", "push", payload)).toBe(200);
    expect(await deliver(server, "srv-1", "push", payload)).toBe(200);
    expect(await deliver(server, "srv-2", "push", payload, "wrong-secret")).toBe(400);
    expect(checkRuns).toBe(1);
    expect((await store.latestDiagnosis("Codertocat/Hello-World", "master", "training"))?.createdAt).toBe(FIXED_NOW.toISOString());
  }, 30_000);

  test("isValidSignature: only the exact sha256 HMAC of the body under the secret", () => {
    const body = Buffer.from('{"a":1}');
    const good = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    expect(isValidSignature(SECRET, body, good)).toBe(true);
    expect(isValidSignature("other", body, good)).toBe(false);
    expect(isValidSignature(SECRET, Buffer.from('{"a":2}'), good)).toBe(false);
    expect(isValidSignature(SECRET, body, good.replace("sha256=", "sha1="))).toBe(false);
    expect(isValidSignature(SECRET, body, undefined)).toBe(false);
  });
});

describe("a forged webhook is refused before Probot sees it", () => {
  test("400, one WARN line with the delivery id and event only: no payload, no secret", async () => {
    const { logger, capture } = captureLogs();
    const server = await createServer({ appId: 1, privateKey: testPrivateKey(), webhookSecret: SECRET, store: new MemoryStore(), port: 0, host: "127.0.0.1", log: logger, throttle: false });
    try {
      const payload = examplePayload("push", null, (p: { head_commit: { message: string } }) => { p.head_commit.message = "PAYLOAD-BODY-MARKER"; }, 4);
      expect(await deliver(server, "forged-1", "push", payload, "wrong-secret")).toBe(400);
      const refused = capture.lines.filter((l) => String(l.msg).startsWith("webhook refused"));
      expect(refused).toEqual([expect.objectContaining({ level: 40, deliveryId: "forged-1", event: "push" })]);
      expect(capture.lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
      expect(capture.text()).not.toContain("PAYLOAD-BODY-MARKER");
      expect(capture.text()).not.toContain(SECRET);
    } finally {
      await server.stop();
    }
  }, 30_000);
});
