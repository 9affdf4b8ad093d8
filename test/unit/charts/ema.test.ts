import { describe, expect, test } from "@jest/globals";
import { debiasedEma, smoothingWeightFor, SMOOTHING_DEFAULTS } from "../../../src/charts/ema.js";

describe("debiasedEma", () => {
  test("debiasedEma([1,2,3], 0.5) follows TensorBoard's debiased formula", () => {
    // last = 0.5 → /0.5 = 1; last = 1.25 → /0.75; last = 2.125 → /0.875
    expect(Array.from(debiasedEma([1, 2, 3], 0.5))).toEqual([1, 1.25 / 0.75, 2.125 / 0.875]);
  });

  test("the first smoothed value equals the first value (no pull towards 0)", () => {
    expect(debiasedEma([2.3, 2.2, 2.1], 0.99)[0]).toBeCloseTo(2.3, 12);
  });

  test("non-finite values pass through and do not enter the average", () => {
    const out = debiasedEma([1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5], 0.5);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(out[3]).toBe(Number.POSITIVE_INFINITY);
    expect(out[2]).toBeCloseTo((0.5 * 0.5 + 0.5 * 3) / 0.75, 12);
    expect(out[4]).toBeCloseTo(((0.5 * 0.5 + 1.5) * 0.5 + 2.5) / 0.875, 12);
  });

  test("a constant series and weight 0 are returned unchanged", () => {
    expect(Array.from(debiasedEma([4, 4, 4], 0.9))).toEqual([4, 4, 4]);
    expect(Array.from(debiasedEma([1, 5, 2], 0))).toEqual([1, 5, 2]);
  });

  test("smoothing reduces the spread of a noisy series", () => {
    const noisy = Array.from({ length: 1000 }, (_, i) => 1 + (i % 2 === 0 ? 0.5 : -0.5));
    const smooth = debiasedEma(noisy, 0.9).slice(100);
    expect(Math.max(...smooth) - Math.min(...smooth)).toBeLessThan(0.2);
  });
});

describe("smoothingWeightFor", () => {
  test("short series use TensorBoard's 0.6, long ones a window of ~1% of the run", () => {
    expect(smoothingWeightFor(30)).toBe(SMOOTHING_DEFAULTS.minWeight);
    expect(smoothingWeightFor(10_000)).toBeCloseTo(0.99, 10);
    expect(smoothingWeightFor(10_000_000)).toBe(SMOOTHING_DEFAULTS.maxWeight);
  });
});
