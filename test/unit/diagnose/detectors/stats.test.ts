import { describe, expect, test } from "@jest/globals";
import { blockNoise } from "../../../../src/diagnose/stats/block-noise.js";
import { bucketMedians } from "../../../../src/diagnose/stats/bucket-medians.js";
import { changePoint } from "../../../../src/diagnose/stats/change-point.js";
import { debiasedEma } from "../../../../src/diagnose/stats/debiased-ema.js";
import { lag1Autocorrelation } from "../../../../src/diagnose/stats/lag1-autocorrelation.js";
import { localTrend } from "../../../../src/diagnose/stats/local-trend.js";
import { longestRunAbove } from "../../../../src/diagnose/stats/longest-run-above.js";
import { MAD_TO_SIGMA, mad } from "../../../../src/diagnose/stats/mad.js";
import { mannKendall } from "../../../../src/diagnose/stats/mann-kendall.js";
import { median, quantile } from "../../../../src/diagnose/stats/median.js";
import { quickselect } from "../../../../src/diagnose/stats/quickselect.js";
import { rollingMedian } from "../../../../src/diagnose/stats/rolling-median.js";
import { theilSenSlope } from "../../../../src/diagnose/stats/theil-sen.js";

describe("order statistics", () => {
  test("quickselect(a, k) puts the k-th smallest value at k", () => {
    const a = Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5]);
    expect(quickselect(a, 0)).toBe(1);
    expect(quickselect(Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5]), 4)).toBe(5);
    expect(quickselect(Float64Array.from([5, 5, 5, 1]), 3)).toBe(5);
  });

  test("median ignores non-finite values and interpolates even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(median([])).toBeNaN();
    expect(median([10, 20, 30, 40, 50], 1, 4)).toBe(30);
  });

  test("quantile matches numpy's linear interpolation", () => {
    // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75
    expect(quantile([4, 3, 2, 1], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
  });

  test("mad is the median absolute deviation (unscaled)", () => {
    // median 3, deviations 2 1 0 1 97 -> median 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
    expect(MAD_TO_SIGMA).toBeCloseTo(1.4826, 4);
    expect(mad([Number.NaN])).toBeNaN();
  });
});

describe("smoothing and trend", () => {
  test("debiasedEma equals TensorBoard's smoothing (weight 0.6)", () => {
    // last = 0.4*1 = 0.4, debias 0.4 -> 1; then 0.6*0.4 + 0.4*2 = 1.04, debias 0.64 -> 1.625
    const out = debiasedEma([1, 2, Number.NaN, 3], 0.6);
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(1.625, 12);
    expect(out[2]).toBeNaN();
    // 0.6*1.04 + 0.4*3 = 1.824, debias 0.6*0.64 + 0.4 = 0.784 -> 2.3265...
    expect(out[3]).toBeCloseTo(1.824 / 0.784, 12);
  });

  test("rollingMedian shrinks the window at the edges and removes an isolated spike", () => {
    expect(Array.from(rollingMedian([1, 2, 100, 4, 5], 3))).toEqual([1, 2, 4, 5, 5]);
  });

  test("theilSenSlope is the median pairwise slope and ignores one outlier", () => {
    expect(theilSenSlope([0, 1, 2, 3, 4], [0, 2, 4, 6, 8])).toBe(2);
    expect(theilSenSlope([0, 1, 2, 3, 4], [0, 1, 2, 50, 4])).toBe(1);
    expect(theilSenSlope([0], [1])).toBeNaN();
  });

  test("mannKendall: S, tau and z by hand", () => {
    // strictly increasing, n = 4: S = 6, var = 4*3*13/18 = 8.667, z = (6-1)/sqrt(8.667) = 1.698
    const up = mannKendall([1, 2, 3, 4]);
    expect(up.s).toBe(6);
    expect(up.tau).toBe(1);
    expect(up.z).toBeCloseTo(5 / Math.sqrt(156 / 18), 10);
    expect(mannKendall([4, 3, 2, 1]).z).toBeCloseTo(-5 / Math.sqrt(156 / 18), 10);
    expect(mannKendall([1, 1]).z).toBe(0);
    // ties: [1,1,2] -> S = 2, var = (3*2*11 - 2*1*9)/18 = 2.667
    expect(mannKendall([1, 1, 2]).z).toBeCloseTo(1 / Math.sqrt(48 / 18), 10);
  });

  test("lag1Autocorrelation: zig-zag is negative, a ramp is positive", () => {
    expect(lag1Autocorrelation([1, -1, 1, -1, 1, -1])).toBeCloseTo(-5 / 6, 10);
    expect(lag1Autocorrelation([1, 2, 3, 4, 5])).toBeCloseTo(0.4, 10);
    expect(lag1Autocorrelation([2, 2, 2])).toBeNaN();
  });

  test("changePoint finds a level shift", () => {
    const cp = changePoint([1, 1, 1, 1, 5, 5, 5]);
    expect(cp.index).toBe(4);
    expect(cp.meanBefore).toBe(1);
    expect(cp.meanAfter).toBe(5);
    expect(cp.gain).toBeCloseTo(1, 10);
    expect(changePoint([1]).index).toBe(-1);
  });

  test("longestRunAbove returns the longest stretch at or above the threshold", () => {
    expect(longestRunAbove([0, 5, 0, 5, 5, 5, 0, 5], 5)).toEqual({ from: 3, to: 6 });
    expect(longestRunAbove([0, 0], 5)).toEqual({ from: 0, to: 0 });
    expect(longestRunAbove([6, 6], 5)).toEqual({ from: 0, to: 2 });
  });
});

describe("decimation and noise", () => {
  test("bucketMedians keeps short series point for point and splits long ones evenly", () => {
    const short = bucketMedians([3, 1, 2], [10, 20, 30], 5);
    expect(Array.from(short.values)).toEqual([3, 1, 2]);
    expect(Array.from(short.steps)).toEqual([10, 20, 30]);
    const long = bucketMedians([1, 2, 3, 10, 20, 30], [0, 1, 2, 3, 4, 5], 2);
    expect(Array.from(long.values)).toEqual([2, 20]);
    expect(Array.from(long.steps)).toEqual([1, 4]);
    expect(Array.from(long.bounds)).toEqual([0, 3, 6]);
    // a bucket of 8 sampled at 4 evenly spaced points: indices 0, 2, 4, 6 -> values 0, 2, 4, 60 -> median 3
    const sampled = bucketMedians([0, 1, 2, 3, 4, 5, 60, 70], [0, 1, 2, 3, 4, 5, 6, 7], 1, 8, 4);
    expect(Array.from(sampled.values)).toEqual([3]);
  });

  test("localTrend interpolates chunk medians on long series", () => {
    const values = Float64Array.from({ length: 64 }, (_, i) => i);
    const trend = localTrend(values, { window: 7, shortLimit: 10, chunk: 16 });
    // chunk medians 7.5, 23.5, 39.5, 55.5 centred at 7.5, 23.5, 39.5, 55.5: exact on a ramp, held at the ends
    expect(trend[40]).toBeCloseTo(40, 10);
    expect(trend[63]).toBeCloseTo(55.5, 10);
    expect(trend[0]).toBeCloseTo(7.5, 10);
    const short = localTrend(Float64Array.from([1, 2, 100, 4, 5]), { window: 3, shortLimit: 10, chunk: 16 });
    expect(Array.from(short)).toEqual([1, 2, 4, 5, 5]);
  });

  test("blockNoise gives 1.4826 × MAD per block, the last block absorbing the remainder", () => {
    // block 2 = [2, -2, 2, -2, 0]: median 0, |deviations| 2 2 2 2 0 -> MAD 2
    const noise = blockNoise(Float64Array.from([1, -1, 1, -1, 2, -2, 2, -2, 0]), 4);
    expect(noise.length).toBe(2);
    expect(noise[0]).toBeCloseTo(MAD_TO_SIGMA, 10);
    expect(noise[1]).toBeCloseTo(2 * MAD_TO_SIGMA, 10);
    // residuals against a trend; sampling every 2nd point of a 4-point block keeps [1, 1] -> MAD 0
    const trended = blockNoise(Float64Array.from([11, 9, 11, 9]), 4, Number.POSITIVE_INFINITY, Float64Array.from([10, 10, 10, 10]));
    expect(trended[0]).toBeCloseTo(MAD_TO_SIGMA, 10);
    expect(blockNoise(Float64Array.from([1, -1, 1, -1]), 4, 2)[0]).toBe(0);
  });
});
