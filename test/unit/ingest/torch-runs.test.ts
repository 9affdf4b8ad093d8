import { expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ingestFiles } from "../../../src/ingest/ingest.js";
import { describeIfShared, TORCH_RUNS } from "./support/fixtures.js";

/** Expected format per torch-runs file name; steps.csv is the per-step (train-only) log. */
const EXPECTED_FORMATS: Record<string, string[]> = {
  "metrics.csv": ["keras-csv", "lightning-csv"],
  "console.txt": ["keras-console"],
  "history.json": ["keras-history-json"],
  "steps.csv": ["csv"],
};

function runFiles(): string[] {
  const root = join(TORCH_RUNS, "runs");
  return readdirSync(root).flatMap((scenario) =>
    readdirSync(join(root, scenario)).flatMap((seed) => readdirSync(join(root, scenario, seed)).map((file) => `${scenario}/${seed}/${file}`)),
  );
}

describeIfShared("torch-runs logs from ../shared/fixtures/torch-runs (read in place)", () => {
  test("every run file is read with train (and, in epoch logs, val) loss roles", () => {
    const files = runFiles();
    expect(files.length).toBeGreaterThanOrEqual(84);
    const formats = new Set<string>();
    for (const file of files) {
      const result = ingestFiles([{ path: file, data: readFileSync(join(TORCH_RUNS, "runs", file)) }]);
      const name = file.split("/").pop() ?? "";
      expect(result.runs).toHaveLength(1);
      const run = result.runs[0]!;
      formats.add(run.source.format);
      expect(EXPECTED_FORMATS[name]).toContain(run.source.format);
      const roles = new Set(run.series.map((series) => series.role));
      expect(roles.has("train-loss")).toBe(true);
      if (name === "steps.csv") expect(roles.has("learning-rate")).toBe(true);
      else expect(roles.has("val-loss")).toBe(true);
      expect(result.issues.filter((issue) => issue.severity !== "info")).toEqual([]);
    }
    expect([...formats].sort()).toEqual(["csv", "keras-console", "keras-csv", "keras-history-json", "lightning-csv"]);
  });

  test("the same epochs in Keras console and CSVLogger form line up (0-based epochs)", () => {
    const manifest = readFileSync(join(TORCH_RUNS, "manifest.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { path: string; stats: { epochs_run: number; nan_train_epoch: number | null } });
    const consoleRuns = manifest.filter((entry) => entry.path.endsWith("console.txt"));
    expect(consoleRuns.length).toBeGreaterThan(10);
    for (const entry of consoleRuns) {
      const result = ingestFiles([{ path: entry.path, data: readFileSync(join(TORCH_RUNS, entry.path)) }]);
      const loss = result.runs[0]?.series.find((series) => series.tag === "loss");
      expect(loss?.steps.length).toBe(entry.stats.epochs_run);
      expect(loss?.steps[0]).toBe(0);
      if (entry.stats.nan_train_epoch !== null) expect(Number.isNaN(loss?.values[entry.stats.nan_train_epoch] ?? 0)).toBe(true);
    }
  });
});
