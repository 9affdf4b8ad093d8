import { describe, expect, test } from "@jest/globals";
import { mixedFile, randomFile, readChunked } from "./record-files.js";
import { LIMITS, mulberry32 } from "./support.js";

describe("fused record loop (EventDecoder.scanRecords) vs record by record", () => {
  const { data: clean } = mixedFile();

  test.each([
    ["full CRC", true],
    ["fast mode", false],
  ])("same run and issues for any chunking (%s)", (_name, verifyDataCrc) => {
    const limits = { ...LIMITS, maxPointsPerSeries: 150 };
    const oneByOne = readChunked(clean, () => 1, verifyDataCrc, limits);
    expect(oneByOne.runs[0]?.series.length).toBeGreaterThan(3);
    expect(oneByOne.issues.map((i) => i.code)).toContain("series-point-limit");
    expect(readChunked(clean, () => clean.length, verifyDataCrc, limits)).toEqual(oneByOne);
    const rand = mulberry32(11);
    expect(readChunked(clean, () => 1 + Math.floor(rand() * 700), verifyDataCrc, limits)).toEqual(oneByOne);
  });

  test("a corrupted payload in the middle of plain records: same skip and issue either way", () => {
    const { data, corruptAt } = mixedFile();
    const bad = data.slice();
    bad[corruptAt]! ^= 0x10;
    const oneByOne = readChunked(bad, () => 1, true, LIMITS);
    expect(oneByOne.issues.map((i) => i.code)).toContain("tfevents-bad-data-crc");
    expect(readChunked(bad, () => bad.length, true, LIMITS)).toEqual(oneByOne);
  });

  test("random files (tags, encodings, restarts, NaN, missing wall times, corrupted bytes): chunking never changes the result", () => {
    const rand = mulberry32(2026);
    for (let file = 0; file < 40; file++) {
      const data = randomFile(rand, file % 3 === 0);
      const limits = { ...LIMITS, maxPointsPerSeries: 20 + Math.floor(rand() * 100) };
      for (const verifyDataCrc of [true, false]) {
        const oneByOne = readChunked(data, () => 1, verifyDataCrc, limits);
        expect([file, verifyDataCrc, readChunked(data, () => data.length, verifyDataCrc, limits)]).toEqual([file, verifyDataCrc, oneByOne]);
        const sizes = mulberry32(file);
        expect([file, verifyDataCrc, readChunked(data, () => 1 + Math.floor(sizes() * 300), verifyDataCrc, limits)]).toEqual([file, verifyDataCrc, oneByOne]);
      }
    }
  });

  test("points stored by the fused loop are the written ones, in order, with wall times", () => {
    const result = readChunked(clean, () => clean.length, true, LIMITS);
    const loss = result.runs[0]?.series.find((s) => s.tag === "loss");
    expect(loss).toBeDefined();
    const steps = Array.from(loss!.steps);
    // At step 120 the run went back to step 100: steps 100..120 were purged, then 100 (value 9) logged.
    expect(steps.slice(98, 103)).toEqual([98, 99, 100, 121, 122]);
    expect(loss!.values[100]).toBe(9);
    expect(steps.filter((s) => s === 130)).toEqual([130]);
    expect(loss!.values[0]).toBeCloseTo(1);
    expect(loss!.wallTimes?.length).toBe(steps.length);
  });
});
