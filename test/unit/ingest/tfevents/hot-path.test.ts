import { describe, expect, test } from "@jest/globals";
import { crc32c } from "../../../../src/ingest/formats/tfevents/crc32c.js";
import { TagCache } from "../../../../src/ingest/formats/tfevents/tag-cache.js";
import { SeriesBuilder } from "../../../../src/ingest/series-builder.js";

/** Bit-at-a-time CRC-32C, the definition the table-driven code must match. */
function referenceCrc32c(data: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) {
    c ^= data[i]!;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe("crc32c tail handling (slicing-by-8 body, 4-byte step, single bytes)", () => {
  const data = Uint8Array.from({ length: 64 }, (_, i) => (i * 151 + 7) & 0xff);
  test("matches the bitwise definition for every length 0..48 at offsets 0..3", () => {
    for (let offset = 0; offset < 4; offset++) {
      for (let length = 0; length <= 48; length++) {
        expect([offset, length, crc32c(data, offset, offset + length)]).toEqual([offset, length, referenceCrc32c(data, offset, offset + length)]);
      }
    }
  });
});

const utf8 = new TextEncoder();

/** Lays `tags` out at odd offsets in one buffer, like tag fields inside records. */
function packed(tags: string[]): { buf: Uint8Array; view: DataView; ranges: [number, number][] } {
  const parts = tags.map((t) => utf8.encode(t));
  const buf = new Uint8Array(parts.reduce((n, p) => n + p.length + 3, 0));
  const ranges: [number, number][] = [];
  let pos = 1;
  for (const p of parts) {
    buf.set(p, pos);
    ranges.push([pos, pos + p.length]);
    pos += p.length + 3;
  }
  return { buf, view: new DataView(buf.buffer), ranges };
}

describe("TagCache (word-wise hash, byte-exact equality)", () => {
  // Same length, same first and last four bytes: the pattern that defeats a prefix/suffix-only hash.
  const tags = [...Array.from({ length: 600 }, (_, i) => `layer${String(i).padStart(3, "0")}/grad`), "a", "ab", "abc", "abcd", "", "lr", "épоch_loss"];

  test("every distinct tag gets its own info, and the same bytes always return the same info", () => {
    const cache = new TagCache();
    const { buf, view, ranges } = packed(tags);
    const first = ranges.map(([s, e]) => cache.lookup(buf, view, s, e));
    expect(first.map((info) => info.name)).toEqual(tags);
    expect(cache.size).toBe(tags.length);
    const again = packed([...tags].reverse());
    const second = again.ranges.map(([s, e]) => cache.lookup(again.buf, again.view, s, e)).reverse();
    expect(second.every((info, i) => info === first[i])).toBe(true);
    expect(cache.size).toBe(tags.length);
  });
});

describe("SeriesBuilder columns", () => {
  const options = { maxPointsPerSeries: 1_000_000, restartPolicy: "purge" as const, file: "f" };

  test("a restart purges the later points through a channel as through add()", () => {
    const viaAdd = new SeriesBuilder(options);
    const viaChannel = new SeriesBuilder(options);
    const append = viaChannel.channel("loss");
    for (const [step, value] of [[0, 1], [1, 2], [2, 3], [1, 9], [2, 8], [2, 7], [5, 6]] as const) {
      viaAdd.add("loss", step, value, step * 10);
      append(step, value, step * 10);
    }
    const a = viaAdd.build().series[0]!;
    const c = viaChannel.build().series[0]!;
    expect([...c.steps]).toEqual([0, 1, 2, 5]);
    expect([...c.values]).toEqual([1, 9, 7, 6]);
    expect([...c.wallTimes!]).toEqual([0, 10, 20, 50]);
    expect([...a.steps, ...a.values]).toEqual([...c.steps, ...c.values]);
    expect(viaChannel.purgedPoints).toBe(3);
  });

  test("wall times start at the first point that has one (earlier points NaN), across growth and restarts", () => {
    const builder = new SeriesBuilder(options);
    const append = builder.channel("acc");
    for (let i = 0; i < 100; i++) append(i, i, i >= 70 ? 1000 + i : undefined);
    append(90, -1, undefined); // restart: drops steps 90..99, keeps the wall-time column
    const s = builder.build().series[0]!;
    expect(s.steps.length).toBe(91);
    expect(s.wallTimes!.slice(0, 70).every(Number.isNaN)).toBe(true);
    expect([...s.wallTimes!.slice(70, 72), s.wallTimes![90]]).toEqual([1070, 1071, Number.NaN]);
    expect([s.steps[90], s.values[90]]).toEqual([90, -1]);
    const none = new SeriesBuilder(options);
    none.add("x", 0, 1);
    expect(none.build().series[0]!.wallTimes).toBeUndefined();
  });

  test("built arrays never keep more than a quarter of their buffer as waste", () => {
    for (const points of [1, 63, 64, 65, 96, 97, 1000, 4097, 70_000]) {
      const builder = new SeriesBuilder(options);
      const append = builder.channel("x");
      for (let i = 0; i < points; i++) append(i, i / 2);
      const s = builder.build().series[0]!;
      expect(s.steps.length).toBe(points);
      expect(s.values[points - 1]).toBe((points - 1) / 2);
      expect(s.steps.buffer.byteLength).toBeLessThanOrEqual(Math.ceil((points * 8) / 0.75));
    }
  });
});
