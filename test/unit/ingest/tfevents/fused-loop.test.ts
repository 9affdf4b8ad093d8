import { describe, expect, test } from "@jest/globals";
import { EventFileWriter } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { TfEventsRunAccumulator } from "../../../../src/ingest/formats/tfevents/run-accumulator.js";
import type { IngestLimits, IngestResult } from "../../../../src/ingest/types.js";
import { LIMITS, mulberry32 } from "./support.js";

const PATH = "run/events.out.tfevents.1.host";

/**
 * Reads `data` through the accumulator in chunks of the given sizes. With 1-byte chunks every record
 * is assembled in the carry buffer and decoded record by record (`emit` → `EventDecoder.decode`);
 * with whole or large chunks most records go through the fused loop (`EventDecoder.scanRecords`).
 */
function readChunked(data: Uint8Array, sizes: () => number, verifyDataCrc: boolean, limits: IngestLimits): IngestResult {
  const acc = new TfEventsRunAccumulator({ limits, verifyDataCrc });
  const decoder = acc.beginFile(PATH);
  for (let pos = 0; pos < data.length; ) {
    const n = sizes();
    decoder.push(data.slice(pos, pos + n));
    pos += n;
  }
  decoder.end();
  acc.endFile();
  return acc.finish();
}

/** Every case the fused loop must hand back to the general path, interleaved with plain scalars. */
function mixedFile(): { data: Uint8Array; corruptAt: number } {
  const w = new EventFileWriter();
  const parts: Uint8Array[] = [];
  let written = 0;
  let corruptAt = -1;
  w.hparams({ lr: 0.1, optimizer: "adam" });
  for (let step = 0; step < 300; step++) {
    if (step === 200) {
      const before = w.drain();
      parts.push(before);
      written += before.length;
      corruptAt = written + 12 + 3; // inside the payload of the next record (loss, step 200)
    }
    w.scalar("loss", step, 1 / (step + 1));
    w.scalar("epoch_loss", step, 2 / (step + 1), "float"); // TF2 tensor: metadata on the first one only
    w.scalar("grad_norm", step, step % 7 === 0 ? Number.NaN : step, "double"); // general path (tensor of double)
    if (step % 50 === 10) w.histogram("weights", step, [1, 2, 3]);
    if (step === 120) w.scalar("loss", 100, 9); // restart: purges loss steps 100..119
    if (step === 130) w.scalar("loss", 130, 8); // repeated step
    if (step % 40 === 5) w.scalar("no_wall", step, step, "simple", { wallTime: Number.NaN });
  }
  parts.push(w.drain());
  const data = new Uint8Array(written + (parts[1]?.length ?? 0));
  let pos = 0;
  for (const part of parts) {
    data.set(part, pos);
    pos += part.length;
  }
  return { data, corruptAt };
}

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
    const encodings = ["simple", "float", "double", "half", "float-content"] as const;
    for (let file = 0; file < 40; file++) {
      const w = new EventFileWriter();
      const tags = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, i) => `t${i}/${"x".repeat(Math.floor(rand() * 20))}`);
      const steps = new Map<string, number>();
      for (let n = 0; n < 150; n++) {
        const tag = tags[Math.floor(rand() * tags.length)]!;
        const back = rand() < 0.03;
        const step = back ? Math.floor(rand() * (steps.get(tag) ?? 1)) : (steps.get(tag) ?? -1) + 1 + Math.floor(rand() * 3);
        steps.set(tag, step);
        const value = rand() < 0.05 ? Number.NaN : rand() * 10 - 5;
        const wallTime = rand() < 0.1 ? Number.NaN : 1_700_000_000 + n;
        w.scalar(tag, step, value, encodings[Math.floor(rand() * encodings.length)], { wallTime });
        if (rand() < 0.02) w.histogram(`${tag}/hist`, step, [1, 2]);
      }
      const data = w.toBytes();
      if (file % 3 === 0) data[Math.floor(rand() * data.length)]! ^= 1 << Math.floor(rand() * 8);
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
