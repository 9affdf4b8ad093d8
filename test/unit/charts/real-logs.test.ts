import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "@jest/globals";
import { buildComparisonChart, buildRunCharts } from "../../../src/charts/build-charts.js";
import { renderMermaidChart } from "../../../src/charts/render-mermaid.js";
import { renderPng } from "../../../src/charts/render-image.js";
import { detectFindings } from "../../../src/diagnose/detect.js";
import { ingestPaths } from "../../../src/ingest/read-paths.js";
import type { TrainingRun } from "../../../src/domain/run.js";
import { SHARED } from "./helpers/golden.js";
import { describeIfShared } from "./helpers/shared.js";
import { schemaErrors } from "./helpers/vl-schema.js";
import { countInk, decodePng, hasPngSignature } from "./helpers/png.js";

/** Generous: the machine running CI is shared; typical runtime is a few seconds per test. */
const TIMEOUT = 120_000;
const REAL = resolve(SHARED, "fixtures/real-logs");
const TORCH = resolve(SHARED, "fixtures/torch-runs/runs");

function realLogFiles(): string[] {
  return readdirSync(REAL)
    .filter((d) => statSync(join(REAL, d)).isDirectory())
    .flatMap((d) => readdirSync(join(REAL, d)).map((f) => join(REAL, d, f)));
}

function torchRunDirs(): string[] {
  return readdirSync(TORCH).flatMap((scenario) => readdirSync(join(TORCH, scenario)).map((seed) => join(TORCH, scenario, seed)));
}

async function chartAll(paths: string[]): Promise<{ runs: TrainingRun[]; invalid: string[]; charts: number }> {
  const runs: TrainingRun[] = [];
  const invalid: string[] = [];
  let charts = 0;
  for (const path of paths) {
    const result = await ingestPaths([path]);
    for (const run of result.runs) {
      runs.push(run);
      for (const chart of buildRunCharts(run, detectFindings(run))) {
        charts++;
        const errors = schemaErrors(chart.spec);
        if (errors.length > 0 || JSON.stringify(chart.spec).length > 200_000) invalid.push(`${path} ${run.name}/${chart.id}: ${errors.join("; ")}`);
      }
      expect(typeof renderMermaidChart(run, [])).toBe("string");
    }
  }
  return { runs, invalid, charts };
}

describeIfShared("charts of every real-log and torch-run fixture", () => {
  test("every spec of every real-log fixture validates against the vega-lite schema (and stays < 200 KB)", async () => {
    const { runs, invalid, charts } = await chartAll(realLogFiles());
    expect(invalid).toEqual([]);
    expect(runs.length).toBeGreaterThan(30);
    expect(charts).toBeGreaterThan(runs.length);
  }, TIMEOUT);

  test("every spec of every torch run validates; base vs head comparison of two scenarios too", async () => {
    const { runs, invalid } = await chartAll(torchRunDirs());
    expect(invalid).toEqual([]);
    expect(runs.length).toBeGreaterThanOrEqual(54);
    const [base, head] = [runs.find((r) => r.source.path.includes("healthy_adam")), runs.find((r) => r.source.path.includes("lr_too_high_adam"))];
    const comparison = buildComparisonChart(base!, head!);
    expect(schemaErrors(comparison?.spec)).toEqual([]);
  }, TIMEOUT);

  test("PNG of a real tfevents run and of a NaN torch run: non-blank with text", async () => {
    for (const path of [join(REAL, "tfevents/helmet-detection-yolov5__exp2_events.out.tfevents.1671637532.gakko.30470.0"), join(TORCH, "exploding_init/seed10")]) {
      const { runs } = await ingestPaths([path]);
      const [chart] = buildRunCharts(runs[0]!, detectFindings(runs[0]!));
      const bytes = await renderPng(chart!.spec);
      expect(hasPngSignature(bytes)).toBe(true);
      const png = decodePng(bytes);
      expect(countInk(png, { x: 0, y: 0, w: 400, h: 40 }, [255, 255, 255])).toBeGreaterThan(300);
      expect(countInk(png, { x: 0, y: 0, w: png.width, h: png.height }, [255, 255, 255])).toBeGreaterThan(png.width * png.height * 0.01);
    }
  }, TIMEOUT);
});
