import { describe, expect, test } from "@jest/globals";
import { renderMermaidChart, resample } from "../../../src/charts/render-mermaid.js";
import { decay, finding, run, series } from "./helpers/synth.js";

describe("renderMermaidChart", () => {
  test("an xychart-beta block with one line per loss series, NaN and findings in the title", () => {
    const train = decay(100, { seed: 1, noise: 0 });
    train[80] = Number.NaN;
    const r = run("m", [series("loss", "train-loss", train), series("val_loss", "val-loss", decay(10, { seed: 2, noise: 0 }), { steps: Array.from({ length: 10 }, (_, i) => i * 11) })]);
    const text = renderMermaidChart(r, [finding("overfitting", "val_loss", 50, 99)]);
    const lines = text.split("\n");
    expect(lines[0]).toBe("```mermaid");
    expect(lines[2]).toBe("xychart-beta");
    expect(lines.at(-1)).toBe("```");
    expect(text).toContain('title "Loss — m (blue: loss, orange: val_loss) — NaN at step 80; overfitting"');
    // 100 distinct steps > the 40-point budget: bucket means plotted at the bucket centres, and said so.
    expect(text).toContain('x-axis "step (40 bucket means, 2.475 steps each)" 1.238 --> 97.76');
    const plotted = lines.filter((l) => l.trim().startsWith("line ["));
    expect(plotted).toHaveLength(2);
    for (const l of plotted) {
      const values = l.trim().slice(6, -1).split(", ").map(Number);
      expect(values).toHaveLength(40);
      expect(values.every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  test("30 epochs give 30 points per line on an axis 0 → 29 (one point per real epoch, no resampling)", () => {
    const train = decay(30, { seed: 3, noise: 0 });
    const val = decay(30, { seed: 4, noise: 0, start: 2.5 });
    const r = run("e", [series("loss", "train-loss", train, { unit: "epoch" }), series("val_loss", "val-loss", val, { unit: "epoch" })]);
    const lines = renderMermaidChart(r, []).split("\n");
    expect(lines).toContain('  x-axis "epoch" 0 --> 29');
    const plotted = lines.filter((l) => l.trim().startsWith("line [")).map((l) => l.trim().slice(6, -1).split(", ").map(Number));
    expect(plotted.map((p) => p.length)).toEqual([30, 30]);
    expect(plotted[0]?.[7]).toBeCloseTo(train[7] ?? Number.NaN, 3);
    expect(plotted[1]?.[29]).toBeCloseTo(val[29] ?? Number.NaN, 3);
  });

  test("unevenly spaced steps within the budget are plotted one category per real step", () => {
    const r = run("u", [series("loss", "train-loss", [3, 2, 1.5, 1.2, 1], { steps: [0, 10, 50, 100, 400] })]);
    const text = renderMermaidChart(r, []);
    expect(text).toContain('x-axis "step" [0, 10, 50, 100, 400]');
    expect(text).toContain("line [3, 2, 1.5, 1.2, 1]");
  });

  test("uses log10 values when the loss spans decades", () => {
    const r = run("l", [series("loss", "train-loss", Array.from({ length: 50 }, (_, i) => 10 ** (-i / 10)))]);
    expect(renderMermaidChart(r, [])).toContain('y-axis "log10(loss)"');
  });

  test("falls back to the first metric, and to '' when nothing is drawable", () => {
    const metric = run("acc", [series("val_accuracy", "val-metric", [0.5, 0.7, 0.8], { direction: "higher" })]);
    expect(renderMermaidChart(metric, [])).toContain("val_accuracy");
    expect(renderMermaidChart(run("none", [series("loss", "train-loss", [Number.NaN])]), [])).toBe("");
  });

  test("resample: bucket means, gaps interpolated linearly", () => {
    const s = series("x", "train-loss", [0, 10], { steps: [0, 3] });
    expect(resample(s, 0, 4, 4)).toEqual([0, 5, 5, 10].map((v, i) => (i === 1 ? 10 / 3 : i === 2 ? 20 / 3 : v)));
  });
});
