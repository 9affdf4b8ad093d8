import { EventFileWriter } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import type { TfEventsStats } from "../../../../src/ingest/formats/tfevents/run-accumulator.js";
import { TfEventsRunAccumulator } from "../../../../src/ingest/formats/tfevents/run-accumulator.js";
import type { TfEventsOptions } from "../../../../src/ingest/formats/tfevents/options.js";
import type { IngestLimits, IngestResult } from "../../../../src/ingest/types.js";

/** Event files and a chunked reader shared by the fused-loop and scan-kernel tests. */
const PATH = "run/events.out.tfevents.1.host";
const ENCODINGS = ["simple", "float", "double", "half", "float-content"] as const;

/**
 * Reads `data` through the accumulator in chunks of the given sizes. With 1-byte chunks every record
 * is assembled in the carry buffer and decoded record by record (`emit` → `EventDecoder.decode`);
 * with whole or large chunks most records go through the fused loop (`EventDecoder.scanRecords`).
 */
export function readChunked(data: Uint8Array, sizes: () => number, verifyDataCrc: boolean, limits: IngestLimits, extra: Partial<TfEventsOptions> = {}): IngestResult {
  return readChunkedWithStats(data, sizes, verifyDataCrc, limits, extra).result;
}

/** `readChunked` plus the reader's counters (records, scalars by encoding, skipped payloads). */
export function readChunkedWithStats(data: Uint8Array, sizes: () => number, verifyDataCrc: boolean, limits: IngestLimits, extra: Partial<TfEventsOptions> = {}): { result: IngestResult; stats: TfEventsStats } {
  const acc = new TfEventsRunAccumulator({ limits, verifyDataCrc, ...extra });
  const decoder = acc.beginFile(PATH);
  for (let pos = 0; pos < data.length; ) {
    const n = sizes();
    decoder.push(data.slice(pos, pos + n));
    pos += n;
  }
  decoder.end();
  acc.endFile();
  return { result: acc.finish(), stats: acc.stats };
}

/** Every case the fused loop must hand back to the general path, interleaved with plain scalars. */
export function mixedFile(): { data: Uint8Array; corruptAt: number } {
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
    // A float tensor under a tag no metadata named "scalars": not a scalar to the reader (skipped as a tensor).
    w.scalar("untyped", step, step / 10, step % 25 === 3 ? "float" : "simple", { metadata: false });
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

/** A random event file: 1-5 tags, all scalar encodings, restarts, NaN values and wall times, histograms, sometimes a flipped bit. */
export function randomFile(rand: () => number, corrupt: boolean): Uint8Array {
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
    w.scalar(tag, step, value, ENCODINGS[Math.floor(rand() * ENCODINGS.length)], { wallTime });
    if (rand() < 0.02) w.histogram(`${tag}/hist`, step, [1, 2]);
  }
  const data = w.toBytes();
  if (corrupt) data[Math.floor(rand() * data.length)]! ^= 1 << Math.floor(rand() * 8);
  return data;
}
