import { describe, expect, test } from "@jest/globals";
import { downsampleIndices, lowerBound } from "../../../src/charts/downsample.js";
import { decay, rng } from "./helpers/synth.js";

const steps = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i * 10);

describe("downsampleIndices", () => {
  test("keeps every finite point when under budget and drops non-finite ones", () => {
    expect(downsampleIndices(steps(5), [1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5], { pointBudget: 10 })).toEqual([0, 2, 4]);
  });

  test("1M points → at most pointBudget, strictly increasing, first/last/min/max kept", () => {
    const n = 1_000_000;
    const values = Float64Array.from(decay(n, { seed: 7, noise: 0.2 }));
    values[123_457] = 50; // a single spike must survive
    values[654_321] = -1; // and a single dip
    const out = downsampleIndices(steps(n), values, { pointBudget: 1500 });
    expect(out.length).toBeLessThanOrEqual(1500);
    expect(out.length).toBeGreaterThan(1400);
    for (let i = 1; i < out.length; i++) expect(out[i]! > out[i - 1]!).toBe(true);
    expect(out[0]).toBe(0);
    expect(out[out.length - 1]).toBe(n - 1);
    expect(out).toContain(123_457);
    expect(out).toContain(654_321);
  });

  test("keepSteps survive (finding locations), first finite point at or after the step", () => {
    const n = 10_000;
    const r = rng(3);
    const values = Float64Array.from({ length: n }, () => r());
    values[5000] = Number.NaN;
    const out = downsampleIndices(steps(n), values, { pointBudget: 100, keepSteps: [12_345, 50_000] });
    expect(out).toContain(1235);
    expect(out).toContain(5001);
    expect(out).not.toContain(5000);
  });

  test("is deterministic", () => {
    const values = Float64Array.from(decay(50_000, { seed: 1 }));
    expect(downsampleIndices(steps(50_000), values, { pointBudget: 300 })).toEqual(downsampleIndices(steps(50_000), values, { pointBudget: 300 }));
  });

  test("an all-NaN series gives no points", () => {
    expect(downsampleIndices(steps(3), [Number.NaN, Number.NaN, Number.NaN])).toEqual([]);
  });
});

test("lowerBound finds the first index with step ≥ target", () => {
  const s = [0, 10, 10, 20];
  expect([lowerBound(s, -1), lowerBound(s, 10), lowerBound(s, 11), lowerBound(s, 99)]).toEqual([0, 1, 3, 4]);
});
