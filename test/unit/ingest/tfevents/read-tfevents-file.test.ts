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
