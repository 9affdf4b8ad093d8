import { describe, expect, test } from "@jest/globals";
import { fisherExactGreater } from "../../../src/repro/analysis/stats/fisher.js";
import { incompleteBeta, logGamma, studentTUpperTail } from "../../../src/repro/analysis/stats/special.js";
import { hedgesG, welchTTestGreater } from "../../../src/repro/analysis/stats/welch.js";

// Reference values from scipy 1.x (stats.t.sf, stats.ttest_ind(equal_var=False, alternative="greater"),
// stats.fisher_exact(alternative="greater")).
describe("repro stats", () => {
  test("logGamma matches ln((n-1)!) and ln Γ(0.5) = ln √π", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
  });

  test("incompleteBeta(x, 1, 1) is x and is symmetric", () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2.5, 4) + incompleteBeta(0.7, 4, 2.5)).toBeCloseTo(1, 12);
  });

  test("studentTUpperTail matches scipy t.sf, including fractional df", () => {
    expect(studentTUpperTail(2, 10)).toBeCloseTo(0.03669401738537018, 9);
    expect(studentTUpperTail(1.3, 3.7)).toBeCloseTo(0.13433336208631375, 9);
    expect(studentTUpperTail(-2, 10)).toBeCloseTo(1 - 0.03669401738537018, 9);
  });

  test("welchTTestGreater matches scipy ttest_ind(equal_var=False, alternative='greater')", () => {
    const r = welchTTestGreater([1.0, 1.2, 0.9], [0.5, 0.45, 0.6]);
    expect(r.t).toBeCloseTo(5.239956379316806, 9);
    expect(r.pValue).toBeCloseTo(0.007107369659204717, 9);
  });

  test("welchTTestGreater handles constant samples and too few values", () => {
    expect(welchTTestGreater([2, 2, 2], [1, 1, 1]).pValue).toBe(0);
    expect(welchTTestGreater([1, 1, 1], [2, 2, 2]).pValue).toBe(1);
    expect(welchTTestGreater([1, 1, 1], [1, 1, 1]).pValue).toBe(0.5);
    expect(welchTTestGreater([1], [2, 3]).pValue).toBeNaN();
  });

  test("fisherExactGreater matches scipy fisher_exact(alternative='greater')", () => {
    expect(fisherExactGreater(3, 3, 0, 3)).toBeCloseTo(0.05, 12);
    expect(fisherExactGreater(5, 6, 1, 6)).toBeCloseTo(0.04004329004329004, 12);
    expect(fisherExactGreater(0, 3, 3, 3)).toBeCloseTo(1, 12);
  });

  test("hedgesG is positive when a > b and applies the small-sample correction", () => {
    // pooled sd = 1, d = 2, correction 1 - 3/(4·4 - 1) = 0.8
    expect(hedgesG([1, 2, 3], [-1, 0, 1])).toBeCloseTo(2 * 0.8, 12);
    expect(hedgesG([1, 1], [1, 1])).toBe(0);
  });
});
