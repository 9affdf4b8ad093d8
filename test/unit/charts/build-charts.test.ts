import { describe, expect, test } from "@jest/globals";
import { buildComparisonChart, buildReproChart, buildRunCharts, type ReproCurvePoint } from "../../../src/charts/build-charts.js";
import { quantile, summarizeRepro } from "../../../src/charts/specs/repro-chart.js";
import { metricName } from "../../../src/charts/specs/series-groups.js";
import { wrapItems } from "../../../src/charts/specs/curve-chart.js";
import { decay, finding, run, series } from "./helpers/synth.js";
import { schemaErrors } from "./helpers/vl-schema.js";
import { annotationRows, csvRows, markType, unitLayers } from "./helpers/spec-walk.js";
import { expectGolden } from "./helpers/golden.js";

const epochs = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** 30 epochs: train keeps falling, validation bottoms out at epoch 12 and rises; lr halves every 10. */
function overfitRun() {
  const train = decay(30, { seed: 1, tau: 8, floor: 0.05, noise: 0.02 });
  const val = train.map((v, i) => v + 0.2 + (i > 12 ? (i - 12) * 0.03 : 0));
  const acc = val.map((v) => Math.min(0.99, 1 - v / 3));
  return run("overfit", [
    series("loss", "train-loss", train, { unit: "epoch" }),
    series("val_loss", "val-loss", val, { unit: "epoch" }),
    series("lr", "learning-rate", epochs(30).map((i) => 1e-3 * 0.5 ** Math.floor(i / 10)), { unit: "epoch" }),
    series("val_accuracy", "val-metric", acc, { unit: "epoch", direction: "higher" }),
    series("accuracy", "train-metric", train.map((v) => 1 - v / 3), { unit: "epoch", direction: "higher" }),
  ]);
}

const overfitFindings = () => [finding("overfitting", "val_loss", 12, 29, { bestStep: 12, bestValue: 0.4321, finalValue: 0.9, valIncrease: 0.4, trainDecrease: 0.1 })];

function nanRun() {
  const values = decay(400, { seed: 4, noise: 0.1 });
  for (let i = 300; i < 400; i++) values[i] = Number.NaN;
  values[250] = Number.POSITIVE_INFINITY;
  return run("nan", [series("loss", "train-loss", values)]);
}

describe("buildRunCharts", () => {
  test("buildRunCharts(run) gives loss and metric charts that validate against the vega-lite schema", () => {
    const charts = buildRunCharts(overfitRun(), overfitFindings());
    expect(charts.map((c) => c.id)).toEqual(["loss", "metric-accuracy"]);
    for (const theme of ["light", "dark"] as const) {
      for (const interactive of [false, true]) {
        for (const chart of buildRunCharts(overfitRun(), overfitFindings(), { theme, interactive })) expect(schemaErrors(chart.spec)).toEqual([]);
      }
    }
  });

  test("a run with one point: padded domains and one readable tick per axis (not '0.000000'), schema-valid", () => {
    const [loss] = buildRunCharts(run("one", [series("epoch_loss", "train-loss", [6.05633], { unit: "epoch" })]), []);
    expect(schemaErrors(loss!.spec)).toEqual([]);
    const encodings = unitLayers(loss!.spec).map((layer) => layer["encoding"] as Record<string, { scale?: unknown; axis?: unknown }>);
    expect(encodings.length).toBeGreaterThan(0);
    for (const encoding of encodings) {
      expect(encoding["x"]).toMatchObject({ scale: { domain: [-1, 1] }, axis: { values: [0] } });
      expect(encoding["y"]?.axis).toEqual({ values: [6.05633], format: ".4~g" });
      const [lo, hi] = (encoding["y"]?.scale as { domain: number[] }).domain;
      expect(lo).toBeCloseTo(6.05633 * 0.9);
      expect(hi).toBeCloseTo(6.05633 * 1.1);
    }
  });

  test("loss chart golden (overfitting, learning rate on a right axis)", () => {
    const [loss] = buildRunCharts(overfitRun(), overfitFindings());
    expectGolden("loss-overfitting.vl.json", loss);
  });

  test("metric chart golden (direction-aware axis title, best value marked)", () => {
    const metric = buildRunCharts(overfitRun(), [])[1];
    expectGolden("metric-accuracy.vl.json", metric);
    expect(JSON.stringify(metric?.spec)).toContain("accuracy (higher is better)");
    const best = annotationRows(metric?.spec, "point");
    expect(best).toEqual([expect.objectContaining({ label: expect.stringMatching(/^best 0\.\d+/) })]);
    const val = overfitRun().series[3]!;
    expect(best[0]!["y"]).toBe(Math.max(...val.values));
  });

  test("overfitting: shaded range from the best step and a point at the best validation value", () => {
    const [loss] = buildRunCharts(overfitRun(), overfitFindings());
    expect(annotationRows(loss?.spec, "rect")).toEqual([expect.objectContaining({ x: 12, x2: 29, label: "overfitting" })]);
    expect(annotationRows(loss?.spec, "point")).toEqual([expect.objectContaining({ x: 12, y: 0.4321, label: "best val" })]);
  });

  test("learning rate sits on an independent right axis", () => {
    const spec = buildRunCharts(overfitRun(), [])[0]!.spec as unknown as Record<string, unknown>;
    expect(spec["resolve"]).toEqual({ scale: { y: "independent" } });
    const lr = (spec["layer"] as Record<string, unknown>[])[1]!;
    expect(JSON.stringify(lr)).toContain('"orient":"right"');
    expect(JSON.stringify(spec)).toContain("lr (right axis)");
  });

  test("NaN/Inf are dropped from the line, a rule marks the first non-finite step", () => {
    const [loss] = buildRunCharts(nanRun(), [finding("non-finite", "loss", 250, 399, { firstStep: 250, kind: "inf" }, "error")]);
    expect(schemaErrors(loss?.spec)).toEqual([]);
    const rows = csvRows(loss?.spec);
    expect(rows.every((r) => r["y"] === null || Number.isFinite(r["y"]))).toBe(true);
    expect(rows.some((r) => r["x"] === 250 && r["y"] !== null)).toBe(false);
    expect(annotationRows(loss?.spec, "rule")).toEqual([expect.objectContaining({ x: 250, label: "Inf at step 250" })]);
    expectGolden("loss-nan.vl.json", loss);
  });

  test("an all-NaN series still gets a chart with the NaN rule", () => {
    const [loss] = buildRunCharts(run("dead", [series("loss", "train-loss", [Number.NaN, Number.NaN])]), []);
    expect(schemaErrors(loss?.spec)).toEqual([]);
    expect(annotationRows(loss?.spec, "rule")).toEqual([expect.objectContaining({ x: 0, label: "NaN at step 0" })]);
  });

  test("a run that never recovers from NaN gets a red range to the end (even though it spans the run)", () => {
    const values = [2.3, 1e6, 1e20, ...Array.from({ length: 97 }, () => Number.NaN)];
    const [loss] = buildRunCharts(run("dead", [series("loss", "train-loss", values)]), []);
    expect(annotationRows(loss?.spec, "rect")).toEqual([expect.objectContaining({ x: 3, x2: 99, label: "no finite value after this" })]);
  });

  test("a divergence is shaded from its start to its peak, not to the end of the run", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : i <= 20 ? 1 + (i - 10) * 5 : 2));
    const [loss] = buildRunCharts(run("div", [series("loss", "train-loss", values)]), [finding("divergence", "loss", 10, 99, { startStep: 10, ratio: 51, explosive: true }, "error")]);
    expect(annotationRows(loss?.spec, "rect")).toEqual([expect.objectContaining({ x: 10, x2: 20, label: "exploding" })]);
  });

  test("on a log axis the smoothed line is an EMA of log values (one explosion does not drag it)", () => {
    const values = Array.from({ length: 200 }, (_, i) => (i === 100 ? 1e6 : 1 + (i % 3) * 0.01));
    const [loss] = buildRunCharts(run("spike", [series("loss", "train-loss", values)]), []);
    expect(JSON.stringify(loss?.spec)).toContain('"type":"log"');
    const after = csvRows(loss?.spec).find((r) => r["x"] === 105 && r["s"] !== null);
    expect(after?.["s"]).toBeLessThan(2); // a linear EMA (w = 0.6) would still be ~31,000 here
  });

  test("labels at the same step are stacked in different rows", () => {
    const r = run("busy", [series("loss", "train-loss", decay(100)), series("val_loss", "val-loss", decay(100, { seed: 3 }))]);
    const [loss] = buildRunCharts(r, [finding("oscillation", "loss", 10, 40), finding("plateau", "val_loss", 10, 60, { atChance: false }), finding("divergence", "loss", 10, 30, { startStep: 10 }, "error")]);
    const labels = annotationRows(loss?.spec, "text").filter((row) => typeof row["row"] === "number");
    const rows = new Set(labels.map((l) => l["row"]));
    expect(rows.size).toBe(new Set(labels.map((l) => l["label"])).size);
  });

  test("log y when positive values span decades, linear otherwise", () => {
    const spanning = run("s", [series("loss", "train-loss", decay(200, { start: 2.3, floor: 1e-4, tau: 20, noise: 0 }))]);
    const flat = run("f", [series("loss", "train-loss", decay(200, { start: 1, floor: 0.5, noise: 0 }))]);
    expect(JSON.stringify(buildRunCharts(spanning, [])[0]?.spec)).toContain('"type":"log"');
    expect(JSON.stringify(buildRunCharts(flat, [])[0]?.spec)).not.toContain('"type":"log"');
  });

  test("spikes are points on the curve; whole-run ranges are named in the subtitle, not shaded", () => {
    const values = decay(500, { seed: 2 });
    values[321] = 9;
    const r = run("spiky", [series("loss", "train-loss", values)]);
    const [loss] = buildRunCharts(r, [finding("spikes", "loss", 0, 499, { count: 1, maxScore: 12, largestStep: 321 }), finding("noisy", "loss", 0, 499, { noiseRatio: 0.4 })]);
    expect(annotationRows(loss?.spec, "point")).toEqual([expect.objectContaining({ x: 321, y: values[321], label: "spike" })]);
    expect(annotationRows(loss?.spec, "rect")).toEqual([]);
    expect(JSON.stringify((loss?.spec as { title: unknown }).title)).toContain("noisy (loss)");
  });

  test("several spikes: the largest is labelled, the first and last are marked as well", () => {
    const values = decay(500, { seed: 2 });
    values[100] = 9;
    values[321] = 12;
    values[400] = 7;
    const r = run("spiky", [series("loss", "train-loss", values)]);
    const [loss] = buildRunCharts(r, [finding("spikes", "loss", 100, 400, { count: 3, maxScore: 12, largestStep: 321 })]);
    const points = annotationRows(loss?.spec, "point") as { x: number; label: string }[];
    expect(points.map((p) => [p.x, p.label])).toEqual([[321, "3 spikes"], [100, ""], [400, ""]]);
  });

  test("a series with no finite value is left out of the legend and named in the subtitle", () => {
    const r = run("broken", [series("loss", "train-loss", decay(100, { seed: 3 })), series("val_box_loss", "val-loss", Array.from({ length: 100 }, () => Number.NaN))]);
    const [loss] = buildRunCharts(r, []);
    const spec = JSON.stringify(loss?.spec);
    expect(spec).toContain('"values":["loss"]');
    expect(spec).toContain("not drawn, no finite values: val_box_loss");
  });

  test("a 1M-point series gives a spec under 200 KB whose line keeps the spike", () => {
    const n = 1_000_000;
    // plain arithmetic (no Math calls): generating 3M points must stay cheap under jest
    const steps = new Float64Array(n);
    const values = new Float64Array(n);
    const val = new Float64Array(n);
    const lr = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      steps[i] = i;
      values[i] = 2 / (1 + i / 1000) + ((i * 7919) % 997) / 5000;
      val[i] = 2.2 / (1 + i / 1000) + ((i * 104729) % 991) / 8000;
      lr[i] = 1e-3 * (1 - i / n);
    }
    values[777_777] = 40;
    const make = (tag: string, role: "train-loss" | "val-loss" | "learning-rate", v: Float64Array) => ({ tag, role, direction: "lower" as const, stepUnit: "step" as const, steps, values: v });
    const big = run("big", [make("loss", "train-loss", values), make("val_loss", "val-loss", val), make("lr", "learning-rate", lr)]);
    const [loss] = buildRunCharts(big, []);
    expect(JSON.stringify(loss?.spec).length).toBeLessThan(200_000);
    expect(csvRows(loss?.spec).some((r) => r["x"] === 777_777 && r["y"] === 40)).toBe(true);
  });

  test("short series are drawn strong with points, long ones faint raw + strong EMA", () => {
    const r = run("mix", [series("loss", "train-loss", decay(500)), series("val_loss", "val-loss", decay(10), { steps: epochs(10).map((i) => i * 50) })]);
    const lines = unitLayers(buildRunCharts(r, [])[0]?.spec).filter((l) => markType(l) === "line");
    expect(lines.map((l) => JSON.stringify(l.transform))).toEqual([
      expect.stringContaining("indexof([0], datum.i) >= 0"),
      expect.stringContaining("isValid(datum.s)"),
      expect.stringContaining("!(indexof([0], datum.i) >= 0)"),
    ]);
  });

  test("metricName strips train/val markers", () => {
    expect(["val_accuracy", "accuracy", "validation/epoch_accuracy", "train/epoch_accuracy", "eval_wer", "metrics/mAP_0.5"].map(metricName)).toEqual(["accuracy", "accuracy", "epoch_accuracy", "epoch_accuracy", "wer", "metrics/mAP_0.5"]);
  });
});

describe("buildComparisonChart", () => {
  test("colours by revision and dashes by series; golden", () => {
    const base = run("base", [series("loss", "train-loss", decay(100, { seed: 1 })), series("val_loss", "val-loss", decay(100, { seed: 2, floor: 0.3 }))]);
    const head = run("head", [series("loss", "train-loss", decay(100, { seed: 3, floor: 0.01 })), series("val_loss", "val-loss", decay(100, { seed: 4, floor: 0.2 }))]);
    const chart = buildComparisonChart(base, head);
    expect(chart).not.toBeNull();
    expect(schemaErrors(chart?.spec)).toEqual([]);
    const text = JSON.stringify(chart?.spec);
    expect(text).toContain('"field":"revision"');
    expect(text).toContain('"domain":["base","head"]');
    expect(text).toContain('"strokeDash":{"field":"series"');
    expect(text).toContain("solid: loss · dashed: val_loss");
    expectGolden("comparison.vl.json", chart);
  });

  test("returns null when the runs share no loss role", () => {
    const base = run("base", [series("loss", "train-loss", decay(10))]);
    const head = run("head", [series("val_loss", "val-loss", decay(10))]);
    expect(buildComparisonChart(base, head)).toBeNull();
  });
});

describe("buildReproChart", () => {
  const points: ReproCurvePoint[] = [];
  for (const arm of ["baseline", "lr=1e-3"]) {
    for (const seed of [1, 2, 3]) {
      for (let epoch = 0; epoch < 8; epoch++) {
        const loss = arm === "baseline" ? (epoch >= 6 && seed === 2 ? Number.NaN : 2.3 - 0.05 * epoch + 0.01 * seed) : 2.3 * Math.exp(-epoch / 3) + 0.01 * seed;
        points.push({ arm, seed, epoch, loss });
      }
    }
  }

  test("quantile interpolates linearly (numpy default)", () => {
    expect([quantile([1, 2, 3, 4], 0.5), quantile([1, 2, 3, 4], 0.25), quantile([5], 0.75)]).toEqual([2.5, 1.75, 5]);
  });

  test("median and IQR per arm and epoch over finite seeds", () => {
    const s = summarizeRepro(points);
    const at = (arm: string, epoch: number) => s.find((x) => x.arm === arm && x.epoch === epoch)!;
    expect(at("baseline", 0).median).toBeCloseTo(2.32, 10);
    expect(at("baseline", 0).q1).toBeCloseTo(2.315, 10);
    expect(at("baseline", 6).nonFinite).toBe(1);
    expect(at("baseline", 6).median).toBeCloseTo(2.3 - 0.3 + 0.02, 10);
  });

  test("spec: band + median line per arm, NaN rule, valid; golden", () => {
    const chart = buildReproChart(points);
    expect(schemaErrors(chart.spec)).toEqual([]);
    expect(unitLayers(chart.spec).map(markType).slice(0, 2)).toEqual(["area", "line"]);
    expect(annotationRows(chart.spec, "rule")).toEqual([expect.objectContaining({ x: 6, label: "NaN at epoch 6 (baseline)" })]);
    expectGolden("repro.vl.json", chart);
  });
});

describe("wrapItems (subtitle wrapping)", () => {
  test("wraps at the width, keeps at most maxLines and counts the rest", () => {
    const items = ["NaN at epoch 1 (val/box_loss)", "no finite value after this (val/box_loss)", "NaN at epoch 1 (val/cls_loss)", "overfitting (val/seg_loss)", "spike (train/box_loss)"];
    const lines = wrapItems(items, 80, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80 + " · +9 more".length);
    expect(lines[0]).toBe("NaN at epoch 1 (val/box_loss) · no finite value after this (val/box_loss)");
    expect(lines[1]).toBe("NaN at epoch 1 (val/cls_loss) · overfitting (val/seg_loss) · +1 more");
    expect(wrapItems([], 80, 2)).toEqual([]);
  });
});
