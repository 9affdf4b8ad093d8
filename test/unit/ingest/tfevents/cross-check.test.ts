import { describe, expect, test } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseOne, seriesOf } from "./support.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const SHARED = resolve(repoRoot, "../shared");
const REAL = join(SHARED, "fixtures/real-logs");
const describeIfShared = existsSync(REAL)
  ? describe
  : (name: string, _fn: () => void) => describe(name, () => test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false)));

/** A tiny CSV reader for these two well-formed fixtures (the real CSV parser belongs to the CSV reader). */
function csvColumns(path: string): Record<string, number[]> {
  const [header, ...rows] = readFileSync(path, "utf8").trim().split("\n");
  const names = (header ?? "").split(",").map((h) => h.trim());
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const row of rows) row.split(",").forEach((cell, i) => out[names[i]!]?.push(Number(cell.trim())));
  return out;
}

const relClose = (a: number, b: number, digits: number): boolean => Math.abs(a - b) <= Math.max(Math.abs(b), 1e-12) * 10 ** -digits + 1e-12;

describeIfShared("tfevents values agree with the same run's CSV written by another logger", () => {
  test("helmet YOLOv5 exp2: every tfevents tag equals its results.csv column (5 significant digits)", () => {
    const tfe = parseOne(readFileSync(join(REAL, "tfevents/helmet-detection-yolov5__exp2_events.out.tfevents.1671637532.gakko.30470.0")), "runs/train/exp2/events.out.tfevents.1671637532.gakko.30470.0");
    const csv = csvColumns(join(REAL, "yolo-results-csv/helmet-detection-yolov5__exp2_results.csv"));
    const tags = Object.keys(csv).filter((k) => k !== "epoch");
    expect(tags.length).toBe(13);
    for (const tag of tags) {
      const s = seriesOf(tfe, tag);
      expect(Array.from(s.steps)).toEqual(csv.epoch);
      const expected = csv[tag]!;
      const mismatches = Array.from(s.values).filter((v, i) => !relClose(v, expected[i]!, 4));
      expect({ tag, mismatches }).toEqual({ tag, mismatches: [] });
    }
  });

  test("Contact-Point-Detection: train_loss equals the Lightning metrics.csv column exactly (float32)", () => {
    const tfe = parseOne(readFileSync(join(REAL, "tfevents/Contact-Point-Detection__hof20200206_events.out.tfevents.1580914074.Joon-Development.25652.0")));
    const csv = csvColumns(join(REAL, "lightning-metrics-csv/Contact-Point-Detection__hof20200206_metrics.csv"));
    const s = seriesOf(tfe, "train_loss");
    expect(s.values.length).toBe(csv.train_loss!.length);
    expect(Array.from(s.values)).toEqual(csv.train_loss!.map(Math.fround));
  });
});
