import { describe, expect, test } from "@jest/globals";
import { Batcher, uniqueByKey } from "../../../src/store/batcher.js";

describe("Batcher (group commit)", () => {
  test("the first call runs alone at once; calls made meanwhile go together as the next batch", async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((x) => x * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((x) => batcher.run(x)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(await batcher.run(5)).toBe(50); // idle again: a batch of one
    expect(batches.at(-1)).toEqual([5]);
  });

  test("no batch is larger than maxBatch", async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      sizes.push(items.length);
      await Promise.resolve();
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.run(i)));
    expect(sizes).toEqual([1, 3, 3, 3]);
  });

  test("a failed batch is retried item by item: only the bad item fails, with its own error", async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(async (items) => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (items.includes(13)) throw new Error(`refused ${items.join(",")}`);
      return items;
    });
    const settled = await Promise.allSettled([1, 2, 13, 4].map((x) => batcher.run(x)));
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : (s.reason as Error).message))).toEqual([1, 2, "refused 13", 4]);
    expect(calls).toBe(1 + 1 + 3); // [1], [2,13,4] refused, then 2, 13, 4 alone
  });
});

describe("uniqueByKey", () => {
  const items = ["a1", "b1", "a2", "c1", "b2"];
  test("keeps the first or the last item of each key, in input order", () => {
    expect(uniqueByKey(items, (s) => s[0] as string, "first")).toEqual([0, 1, 3]);
    expect(uniqueByKey(items, (s) => s[0] as string, "last")).toEqual([2, 3, 4]);
  });
});
