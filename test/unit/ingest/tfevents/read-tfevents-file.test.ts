import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EventFileWriter } from "../../../../src/ingest/formats/tfevents/event-writer.js";
import { parseTfEvents } from "../../../../src/ingest/formats/tfevents/parse-tfevents.js";
import { readTfEventsFile, readTfEventsFiles } from "../../../../src/ingest/formats/tfevents/read-tfevents-file.js";
import { LIMITS } from "./support.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const FIXTURES = resolve(repoRoot, "../shared/fixtures/real-logs/tfevents");

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "loss-doctor-tfevents-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readTfEventsFile streams from disk and matches parseTfEvents", () => {
  test("small chunks (carry across records) give the same run and issues as the in-memory parser", async () => {
    const w = new EventFileWriter();
    for (let s = 0; s < 300; s++) w.scalar("loss", s, Math.exp(-s / 50), s % 2 ? "simple" : "double").scalar("val_loss", s, 1 + s, "float");
    const bytes = w.toBytes().subarray(0, -7); // truncated last record
    const path = join(dir, "events.out.tfevents.1.host");
    writeFileSync(path, bytes);
    const streamed = await readTfEventsFile(path, { limits: LIMITS, verifyDataCrc: true, chunkBytes: 97 });
    const whole = parseTfEvents([{ path, data: bytes }], { limits: LIMITS, verifyDataCrc: true });
    expect(streamed).toEqual(whole);
    expect(streamed.issues.map((i) => i.code)).toEqual(["tfevents-truncated-record"]);
  });

  test("a Keras run directory read from disk (train/ and validation/) with display paths", async () => {
    mkdirSync(join(dir, "fit/train"), { recursive: true });
    mkdirSync(join(dir, "fit/validation"), { recursive: true });
    writeFileSync(join(dir, "fit/train/events.out.tfevents.1.h.v2"), new EventFileWriter().scalar("epoch_loss", 0, 1, "float").toBytes());
    writeFileSync(join(dir, "fit/validation/events.out.tfevents.2.h.v2"), new EventFileWriter().scalar("epoch_loss", 0, 2, "float").toBytes());
    const result = await readTfEventsFiles([join(dir, "fit/validation/events.out.tfevents.2.h.v2"), join(dir, "fit/train/events.out.tfevents.1.h.v2")], {
      limits: LIMITS,
      verifyDataCrc: true,
      displayPath: (p) => p.slice(dir.length + 1),
    });
    expect(result.runs[0]?.name).toBe("fit");
    expect(result.runs[0]?.series.map((s) => `${s.tag}:${s.role}`)).toEqual(["train/epoch_loss:train-loss", "validation/epoch_loss:val-loss"]);
  });

  test("a missing file is a tfevents-unreadable error, not an exception", async () => {
    const result = await readTfEventsFile(join(dir, "nope.tfevents"), { limits: LIMITS, verifyDataCrc: true });
    expect(result.issues.map((i) => i.code)).toEqual(["tfevents-unreadable"]);
    expect(result.runs).toEqual([]);
  });

  const real = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.includes("tfevents")) : [];
  test(`every real fixture streamed in 4 KiB chunks equals the in-memory parse (${real.length} files)`, async () => {
    for (const name of real) {
      const path = join(FIXTURES, name);
      const streamed = await readTfEventsFile(path, { limits: LIMITS, verifyDataCrc: true, chunkBytes: 4096 });
      expect(streamed).toEqual(parseTfEvents([{ path, data: readFileSync(path) }], { limits: LIMITS, verifyDataCrc: true }));
    }
    expect(real.length === 0 || real.length === 14).toBe(true);
  });
});

describe("readTfEventsFiles with the WebAssembly record loop (the default) matches the TypeScript loop", () => {
  const read = (paths: string[], chunkBytes: number, scanKernel?: null) => readTfEventsFiles(paths, { limits: { ...LIMITS, maxPointsPerSeries: 5000 }, verifyDataCrc: true, chunkBytes, ...(scanKernel === null ? { scanKernel } : {}) });

  test("a run in two large files (the second restarts at an earlier step), in 64 KiB and 1 MiB chunks", async () => {
    const first = new EventFileWriter({ startWallTime: 1 });
    for (let s = 0; s < 4000; s++) first.scalar("loss", s, 1 / (s + 1)).scalar("lr", s, 0.1, "float");
    const second = new EventFileWriter({ startWallTime: 2 });
    for (let s = 3000; s < 7000; s++) second.scalar("loss", s, 2 / (s + 1)).scalar("lr", s, 0.01, "float").scalar("grad_norm", s, s % 13);
    const paths = [join(dir, "run2", "events.out.tfevents.1.host"), join(dir, "run2", "events.out.tfevents.2.host")];
    mkdirSync(join(dir, "run2"), { recursive: true });
    writeFileSync(paths[0]!, first.toBytes());
    writeFileSync(paths[1]!, second.toBytes());
    for (const chunkBytes of [64 * 1024, 1024 * 1024]) {
      const viaKernel = await read(paths, chunkBytes);
      expect(viaKernel.runs[0]?.series.map((s) => [s.tag, s.steps.length])).toEqual([["loss", 5000], ["lr", 5000], ["grad_norm", 4000]]);
      expect(viaKernel.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["series-point-limit"]));
      expect(viaKernel).toEqual(await read(paths, chunkBytes, null));
    }
  });

  test("more tags than the kernel registers (4,200): the rest take the TypeScript path, same run", async () => {
    const w = new EventFileWriter();
    for (let s = 0; s < 12; s++) for (let t = 0; t < 4200; t++) w.scalar(`metric/${t}`, s, t + s / 100);
    const path = join(dir, "many-tags", "events.out.tfevents.1.host");
    mkdirSync(join(dir, "many-tags"), { recursive: true });
    writeFileSync(path, w.toBytes());
    const viaKernel = await read([path], 1024 * 1024);
    expect(viaKernel.runs[0]?.series.length).toBe(4200);
    expect(viaKernel.runs[0]?.series.every((s) => s.steps.length === 12)).toBe(true);
    expect(viaKernel).toEqual(await read([path], 1024 * 1024, null));
  });
});
