import { beforeAll, describe, expect, test } from "@jest/globals";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import type { Finding } from "../../../../src/domain/finding.js";
import { ingestPaths } from "../../../../src/ingest/read-paths.js";
import { REAL_LOGS } from "../../../helpers/load-torch-run.js";
import { normalizeFindings, readGolden, type GoldenFinding } from "./golden.js";

/** Unlabelled real logs (read in place, never copied): the goldens pin what fires, reviewed by hand. */
const describeIfShared = existsSync(REAL_LOGS)
  ? describe
  : (name: string, _fn: () => void): void =>
      describe(name, () => test("skipped: ../shared/fixtures/real-logs is absent", () => expect(existsSync(REAL_LOGS)).toBe(false)));

function logFiles(): string[] {
  return readdirSync(REAL_LOGS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(REAL_LOGS, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

describeIfShared("detectFindings on ../shared/fixtures/real-logs", () => {
  const findingsByRun = new Map<string, Finding[]>();

  beforeAll(async () => {
    for (const file of logFiles()) {
      const { runs } = await ingestPaths([join(REAL_LOGS, file)]);
      runs.forEach((run, i) => findingsByRun.set(`${file}#${i}`, detectFindings(run)));
    }
  }, 120_000);

  test("findings per file and run match the golden file", () => {
    const actual: Record<string, GoldenFinding[]> = {};
    for (const [key, findings] of findingsByRun) actual[key] = normalizeFindings(findings);
    expect(Object.keys(actual).length).toBeGreaterThan(30);
    expect(actual).toEqual(readGolden("real-logs.json", actual));
  });

  test("the known-broken logs are caught", () => {
    const ids = (file: string): string[] =>
      [...findingsByRun].filter(([key]) => key.startsWith(`${file}#`)).flatMap(([, findings]) => findings.map((f) => f.id));
    expect(ids("lightning-metrics-csv/genrisk__version_5_metrics.csv")).toContain("non-finite");
    expect(ids("hf-trainer-state/Whisper_small_hi__trainer_state.json")).toContain("overfitting");
    expect(ids("lightning-metrics-csv/Contact-Point-Detection__hof20200206_metrics.csv")).toContain("plateau");
    expect(ids("wandb-csv/Comp3242_Group_Project_nanoGPT__F2_context_512_78r0p6kp_history.csv")).toContain("overfitting");
    expect(ids("keras-history-json/keras-gpt-2-doublehead__training_history.json")).toContain("plateau");
    // YOLO segmentation logs whose val box/cls/dfl losses are NaN in every epoch while training and mAP improve.
    expect(ids("yolo-results-csv/Aquaman__train_results.csv")).toContain("never-finite");
    expect(ids("yolo-results-csv/Aquaman__train_results.csv")).not.toContain("non-finite");
  });

  test("healthy-looking logs get no error", () => {
    for (const file of ["tfevents/BINN-fork__version_191_events.out.tfevents.1682685979.DESKTOP-H1EMLEV.1997.0", "keras-csvlogger/BrainCNN__training.log"]) {
      const errors = [...findingsByRun].filter(([key]) => key.startsWith(`${file}#`)).flatMap(([, f]) => f.filter((x) => x.severity === "error"));
      expect(errors).toEqual([]);
    }
  });
});
