import { describe, expect, test } from "@jest/globals";
import { compile } from "vega-lite";
import { buildRunCharts } from "../../../src/charts/build-charts.js";
import { CompileCache } from "../../../src/charts/compile-cache.js";
import { decay, finding, run, series } from "./helpers/synth.js";

/** Two runs of the same shape (same name, tags and lengths) and different values. */
const lossSpec = (seed: number, name = "cache"): ReturnType<typeof buildRunCharts>[number]["spec"] =>
  buildRunCharts(run(name, [series("loss", "train-loss", decay(400, { seed })), series("val_loss", "val-loss", decay(400, { seed: seed + 1, floor: 0.3 }))]), [finding("overfitting", "val_loss", 200, 390, { bestStep: 200, bestValue: 0.4 })])[0]!.spec;

describe("CompileCache", () => {
  test("a spec that differs only in its data compiles once and gets its own data back", () => {
    const cache = new CompileCache();
    const a = lossSpec(1);
    const b = lossSpec(7);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(cache.compile(a)).toEqual(compile(a).spec);
    expect(cache.compile(b)).toEqual(compile(b).spec);
    expect(cache.size).toBe(1);
  });

  test("the config is part of the key; other shapes get their own entry; least recently used goes first", () => {
    const cache = new CompileCache(2);
    const a = lossSpec(1);
    expect(cache.compile(a, { aria: false })).toEqual(compile(a, { config: { aria: false } }).spec);
    expect(cache.compile(a)).toEqual(compile(a).spec);
    expect(cache.size).toBe(2);
    const other = lossSpec(1, "another run");
    expect(cache.compile(other)).toEqual(compile(other).spec);
    expect(cache.size).toBe(2);
  });
});
