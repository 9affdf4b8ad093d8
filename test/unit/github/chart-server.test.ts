import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { chartUrl, signChart, verifyChartRequest } from "../../../src/github/charts/sign.js";
import { analyzeLogs } from "../../../src/github/analyze/analyze-logs.js";
import { publishCharts } from "../../../src/github/publish/publish-charts.js";
import { createServer, type RunningServer } from "../../../src/github/server.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { divergingCsv } from "./helpers/logs.js";
import { FIXED_NOW, testPrivateKey } from "./helpers/probot.js";

const KEY = "k".repeat(40);

describe("chart URL signing", () => {
  test("chartUrl() signs id and format; verifyChartRequest() accepts it and rejects tampering", () => {
    const url = chartUrl("https://ld.example.com/", "AbCdEfGhIjKlMnOpQrStUv", "png", KEY);
    expect(url).toBe(`https://ld.example.com/charts/AbCdEfGhIjKlMnOpQrStUv.png?sig=${signChart("AbCdEfGhIjKlMnOpQrStUv", "png", KEY)}`);
    const path = url.replace("https://ld.example.com", "");
    expect(verifyChartRequest(path, KEY)).toEqual({ id: "AbCdEfGhIjKlMnOpQrStUv", format: "png" });
    expect(verifyChartRequest(path.replace(".png", ".svg"), KEY)).toBeNull();
    expect(verifyChartRequest(path, "x".repeat(40))).toBeNull();
    expect(verifyChartRequest("/charts/AbCdEfGhIjKlMnOpQrStUv.png", KEY)).toBeNull();
    expect(verifyChartRequest("/charts/../../etc/passwd.png?sig=x", KEY)).toBeNull();
  });
});

describe("createServer(): chart route, health and webhook signature", () => {
  const store = new MemoryStore();
  let server: RunningServer;
  beforeAll(async () => {
    server = await createServer({
      appId: 1, privateKey: testPrivateKey(), webhookSecret: "secret", store, port: 0, host: "127.0.0.1",
      publicUrl: "https://ld.example.com", chartSigningKey: KEY, logLevel: "fatal", now: () => FIXED_NOW,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  test("createServer({ port: 0 }) listens on a free port and answers /health", async () => {
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  test("a webhook with a bad signature is refused", async () => {
    const res = await fetch(`${server.url}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": "d1", "x-hub-signature-256": "sha256=00" },
      body: "{}",
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  test("published charts are served at their signed URLs (PNG, SVG, vega-lite) and refused unsigned", async () => {
    const { report } = analyzeLogs([{ path: "runs/a/metrics.csv", data: new TextEncoder().encode(divergingCsv()) }], DEFAULT_APP_CONFIG);
    const charts = await publishCharts(store, { publicUrl: "https://ld.example.com", signingKey: KEY }, "o/r", report.runs, { theme: "light", now: () => FIXED_NOW });
    expect(charts.length).toBeGreaterThan(0);
    const local = (url: string) => url.replace("https://ld.example.com", server.url);
    const png = await fetch(local(charts[0]!.png));
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Array.from(new Uint8Array(await png.arrayBuffer()).slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await fetch(local(charts[0]!.svg));
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(await svg.text()).toContain("<svg");
    const spec = await (await fetch(local(charts[0]!.spec))).json() as { $schema?: string };
    expect(spec.$schema).toContain("vega-lite");
    const unsigned = await fetch(local(charts[0]!.png).replace(/\?sig=.*$/, ""));
    expect(unsigned.status).toBe(403);
    const forged = await fetch(local(charts[0]!.png).replace(/sig=.{5}/, "sig=AAAAA"));
    expect(forged.status).toBe(403);
    const missing = await fetch(`${server.url}/charts/${"Z".repeat(22)}.png?sig=${signChart("Z".repeat(22), "png", KEY)}`);
    expect(missing.status).toBe(404);
  }, 60_000);
});
