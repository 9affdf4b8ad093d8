import { describe, expect, test } from "@jest/globals";
import { SeriesPoints } from "../../../src/ingest/series-points.js";

function filled(n: number, wall = true): SeriesPoints {
  const p = new SeriesPoints();
  for (let i = 0; i < n; i++) p.push(i, i * 10 + 1, wall ? 1000 + i : undefined);
  return p;
}

describe("SeriesPoints", () => {
  test("push, grow past the first capacity and finish: the points in order", () => {
    const cols = filled(200).finish();
    expect(cols.steps.length).toBe(200);
    expect(Array.from(cols.values.subarray(0, 3))).toEqual([1, 11, 21]);
    expect(cols.wallTimes?.[199]).toBe(1199);
  });

  test("reserve keeps the points and makes room without growing point by point", () => {
    const p = filled(3);
    p.reserve(10_000);
    expect(p.capacity).toBe(10_000);
    expect(p.length).toBe(3);
    let pushed = 0;
    for (let i = 3; i < 9_000; i++) pushed += p.tryPush(i, i, i) ? 1 : 0;
    expect(pushed).toBe(8_997);
    expect(p.capacity).toBe(10_000);
    const cols = p.finish();
    expect(Array.from(cols.steps.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(cols.steps.length).toBe(9_000);
  });

  test("a finished view hides nothing stale: points dropped by truncate are zeroed behind it", () => {
    const p = filled(60);
    p.truncate(50);
    const { steps, values, wallTimes } = p.finish();
    expect(values.length).toBe(50);
    expect(values.buffer.byteLength).toBe(64 * 8); // a view of the store's own buffer (little waste)
    for (const column of [steps, values, wallTimes!]) {
      const all = new Float64Array(column.buffer, 0, 64);
      expect(Array.from(all.subarray(50))).toEqual(new Array(14).fill(0));
    }
  });

  test("a column that would waste more than a quarter is copied to its length", () => {
    const p = filled(10);
    p.reserve(1000);
    const { values } = p.finish();
    expect(values.buffer.byteLength).toBe(10 * 8);
  });

  test("wall times start at the first point that has one; earlier points get NaN", () => {
    const p = new SeriesPoints();
    p.push(1, 1, undefined);
    p.push(2, 2, 5);
    expect(Array.from(p.finish().wallTimes ?? [])).toEqual([Number.NaN, 5]);
    expect(filled(3, false).finish().wallTimes).toBeUndefined();
  });
});
