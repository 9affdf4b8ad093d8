import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, jest, test } from "@jest/globals";
import { chromium, type Browser } from "playwright-core";
import { buildRunCharts } from "../../src/charts/build-charts.js";
import { loadHtmlAssets } from "../../src/charts/load-html-assets.js";
import { renderHtmlPage } from "../../src/charts/render-html.js";
import type { TrainingRun } from "../../src/domain/run.js";
import type { Finding } from "../../src/domain/finding.js";

jest.setTimeout(120_000);

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides. */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function demoRun(): TrainingRun {
  const n = 400;
  const steps = Float64Array.from({ length: n }, (_, i) => i);
  const loss = Float64Array.from({ length: n }, (_, i) => 2.3 * Math.exp(-i / 80) + 0.1 + 0.05 * Math.sin(i * 1.7));
  loss[350] = Number.NaN;
  const valSteps = Float64Array.from({ length: 20 }, (_, i) => i * 20);
  const val = Float64Array.from(valSteps, (s) => 2.3 * Math.exp(-s / 80) + 0.3 + (s > 200 ? (s - 200) / 500 : 0));
  const lr = Float64Array.from(steps, (s) => 1e-3 * 0.995 ** s);
  return {
    name: "browser-demo",
    source: { path: "demo.csv", format: "csv", files: ["demo.csv"] },
    framework: "unknown",
    hparams: {},
    series: [
      { tag: "loss", role: "train-loss", direction: "lower", stepUnit: "step", steps, values: loss },
      { tag: "val_loss", role: "val-loss", direction: "lower", stepUnit: "step", steps: valSteps, values: val },
      { tag: "lr", role: "learning-rate", direction: "unknown", stepUnit: "step", steps, values: lr },
    ],
  };
}

const overfitting: Finding = { id: "overfitting", severity: "warning", confidence: 0.9, series: "val_loss", fromStep: 200, toStep: 380, evidence: { bestStep: 200, bestValue: 0.38 }, message: "overfitting" };

describe("chart page in headless Chromium", () => {
  let browser: Browser | undefined;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Install it with 'apt-get install -y chromium' (.ci/run does this) or set CHROMIUM_PATH.`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), "loss-doctor-page-"));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test("the offline page renders every chart with marks, no console errors, no network, and zooms", async () => {
    const charts = buildRunCharts(demoRun(), [overfitting], { interactive: true });
    const file = join(dir, "page.html");
    writeFileSync(file, renderHtmlPage(charts, await loadHtmlAssets()));
    const page = await browser!.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(async () => {
      await (globalThis as unknown as { lossDoctorReady: Promise<unknown> }).lossDoctorReady;
    });
    for (let i = 0; i < charts.length; i++) {
      const marks = await page.locator(`#chart-${i} svg.marks .mark-line path, #chart-${i} svg.marks .mark-rect path`).count();
      expect(marks).toBeGreaterThan(0);
    }
    expect(await page.locator("#chart-0 svg.marks").getByText("browser-demo", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator("#chart-0 svg.marks text").filter({ hasText: /^NaN at step 350$/ }).count()).toBeGreaterThanOrEqual(1);

    // hover tooltips: the interactive spec carries invisible points; hovering one shows vega-tooltip
    const hoverPoint = page.locator("#chart-0 svg.marks .mark-symbol path").nth(40);
    await hoverPoint.hover({ force: true });
    await page.waitForSelector("#vg-tooltip-element.visible", { timeout: 5_000 });
    expect(await page.locator("#vg-tooltip-element").textContent()).toMatch(/step\s*\d+/);

    const ticks = async (): Promise<string> => (await page.locator("#chart-0 svg.marks .role-axis-label text").allTextContents()).join("|");
    const before = await ticks();
    const box = await page.locator("#chart-0 svg.marks").boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(300);
    expect(await ticks()).not.toBe(before);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), "loss-doctor-chart-page.png") });
  });
});
