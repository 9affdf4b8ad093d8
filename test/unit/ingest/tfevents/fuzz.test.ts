import { describe, expect, test } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { IngestResult } from "../../../../src/ingest/types.js";
import { EventFileWriter, encodeRecord } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { ProtoWriter } from "../../../../src/ingest/formats/tfevents/proto-writer.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import { loadScanKernel } from "../../../../src/ingest/formats/tfevents/scan-kernel-loader.js";
import type { KernelSizes } from "../../../../src/ingest/formats/tfevents/scan-kernel.js";
import { LIMITS, mulberry32, parseOne } from "./support.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const FIXTURES = resolve(repoRoot, "../shared/fixtures/real-logs/tfevents");

const MAX_POINTS = 50;
const MAX_MS_PER_INPUT = 1000;

const KERNEL = loadScanKernel();
/** The WebAssembly loop with its default sizes, and with tiny ones (records larger than its window, full outputs, few tags). */
const KERNEL_SIZES: Partial<KernelSizes>[] = [{ minBytes: 0 }, { minBytes: 0, windowBytes: 64, maxOutput: 3, tagCapacity: 2 }];
let inputs = 0;

/**
 * Parses under tight limits and checks the invariants every input must satisfy; then parses again
 * with the WebAssembly record loop, which must give exactly the same result.
 */
function checkInvariants(data: Uint8Array, verifyDataCrc: boolean): IngestResult {
  const path = "fuzz/events.out.tfevents.1.h";
  const started = performance.now();
  const result = parseOne(data, path, verifyDataCrc, { maxPointsPerSeries: MAX_POINTS });
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
  const kernelSizes = KERNEL_SIZES[inputs++ % KERNEL_SIZES.length];
  const viaKernel = parseTfEvents([{ path, data }], { limits: { ...LIMITS, maxPointsPerSeries: MAX_POINTS }, verifyDataCrc, scanKernel: KERNEL, kernelSizes });
  expect(viaKernel).toEqual(result);
  expect(result.runs.length).toBeLessThanOrEqual(1);
  for (const s of result.runs[0]?.series ?? []) {
    expect(s.values.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.steps.length).toBe(s.values.length);
    expect(s.steps.every((step, i) => i === 0 || step > s.steps[i - 1]!)).toBe(true);
  }
  for (const issue of result.issues) {
    expect(issue.code).toMatch(/^[a-z0-9-]+$/);
    expect(issue.message.length).toBeGreaterThan(10);
  }
  expect(result.issues.length).toBeLessThanOrEqual(25);
  return result;
}

/** A valid file with every value kind the reader understands. */
function richFile(): Uint8Array {
  const w = new EventFileWriter().hparams({ lr: 0.1, opt: "sgd", bn: false });
  for (let step = 0; step < 80; step++) {
    w.scalar("loss", step, 1 / (step + 1));
    w.scalar("epoch_loss", step, 2 / (step + 1), "float");
    w.scalar("val_loss", step, 3 / (step + 1), "double-content");
    w.scalar("lr", step, 0.5, "half");
    if (step % 20 === 0) w.image("img", step, new Uint8Array([1, 2, 3])).histogram("w", step, [1, 2]).text("note", step, "hi");
  }
  return w.toBytes();
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((pos, p) => (out.set(p, pos), pos + p.length), 0);
  return out;
}

function mutate(base: Uint8Array, rand: () => number): Uint8Array {
  const data = base.slice();
  const kind = Math.floor(rand() * 4);
  if (kind === 0) {
    for (let k = 0; k < 1 + rand() * 8; k++) data[Math.floor(rand() * data.length)]! ^= 1 << Math.floor(rand() * 8);
    return data;
  }
  if (kind === 1) return data.subarray(0, Math.floor(rand() * data.length));
  const at = Math.floor(rand() * data.length);
  const len = Math.floor(rand() * 64);
  if (kind === 2) return concat(data.subarray(0, at), data.subarray(at + len));
  const junk = Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
  return concat(data.subarray(0, at), junk, data.subarray(at));
}

describe("tfevents fuzzing: never throws, never hangs, respects limits", () => {
  test("300 random byte strings (both CRC modes)", () => {
    expect(KERNEL).toBeDefined(); // every input below is also read through the WebAssembly loop
    const rand = mulberry32(1);
    for (let i = 0; i < 300; i++) {
      const data = Uint8Array.from({ length: Math.floor(rand() * 600) }, () => Math.floor(rand() * 256));
      checkInvariants(data, i % 2 === 0);
    }
  });

  test("300 mutations of a valid file (bit flips, truncation, deletion, insertion)", () => {
    const base = richFile();
    const rand = mulberry32(2);
    for (let i = 0; i < 300; i++) checkInvariants(mutate(base, rand), i % 3 !== 0);
  });

  test("400 records with valid CRCs and mutated or random Event payloads (exercises the wire walk)", () => {
    const rand = mulberry32(3);
    const payloads = [
      new ProtoWriter().double(1, 1).uint(2, 7).message(5, (s) => s.message(1, (v) => v.string(1, "loss").float(2, 0.5))).finish(),
      new EventFileWriter({ fileVersion: null }).hparams({ a: 1, b: "x" }).toBytes().subarray(12, -4),
      new EventFileWriter({ fileVersion: null }).scalar("t", 3, 0.25, "half-content").toBytes().subarray(12, -4),
      new EventFileWriter({ fileVersion: null }).scalar("t", 3, 0.25, "double").toBytes().subarray(12, -4),
    ];
    for (let i = 0; i < 400; i++) {
      const records: Uint8Array[] = [];
      for (let r = 0; r < 5; r++) {
        const base = payloads[Math.floor(rand() * payloads.length)]!;
        const payload = rand() < 0.2 ? Uint8Array.from({ length: Math.floor(rand() * 80) }, () => Math.floor(rand() * 256)) : mutate(base, rand);
        records.push(encodeRecord(payload));
      }
      checkInvariants(concat(...records), true);
    }
  });

  test("many points of one tag stop at the limit with one issue", () => {
    const w = new EventFileWriter();
    for (let s = 0; s < 500; s++) w.scalar("loss", s, s);
    const result = checkInvariants(w.toBytes(), true);
    expect(result.issues.map((i) => i.code)).toEqual(["series-point-limit"]);
  });

  const real = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.includes("tfevents")).sort() : [];
  test(`mutations of the real fixtures (${real.length} files, 15 each; none when ../shared is absent)`, () => {
    const rand = mulberry32(4);
    for (const name of real) {
      const base = readFileSync(join(FIXTURES, name));
      for (let i = 0; i < 15; i++) checkInvariants(mutate(base, rand), i % 2 === 0);
    }
    expect(real.length === 0 || real.length === 14).toBe(true);
  });
});
