import { describe, expect, test } from "@jest/globals";
import { maxOf, minOf } from "../../../src/domain/extremes.js";

describe("maxOf / minOf", () => {
  test("as Math.max / Math.min on small inputs, except that NaN is skipped; empty gives -Infinity / Infinity", () => {
    for (const xs of [[3, 1, 2], [-0.5], [], [Number.NEGATIVE_INFINITY, 5]]) {
      expect([maxOf(xs), minOf(xs)]).toEqual([Math.max(...xs), Math.min(...xs)]);
    }
    expect([maxOf([1, Number.NaN, 2]), minOf([1, Number.NaN, 2])]).toEqual([2, 1]);
  });

  test("300,000 values (a spread into Math.max throws a RangeError there)", () => {
    const xs = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_000);
    expect(() => Math.max(...xs)).toThrow(RangeError);
    expect([maxOf(xs), minOf(xs)]).toEqual([299_999, 0]);
  });
});
