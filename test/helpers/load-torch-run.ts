/**
 * Test-only loader for ../shared/fixtures/torch-runs: builds ONE TrainingRun from the run's main log
 * (Keras CSVLogger, Lightning metrics.csv, Keras history.json or Keras console text) plus, when the
 * manifest names one, the per-step `steps.csv` (its tags prefixed `step/`: `step/loss`, `step/lr`).
 *
 * Reads through the product's `ingestFiles`; the tiny parsers below are only a fallback for when
 * ingest yields nothing (it is developed in parallel). Used by the detector goldens and bench/eval.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Series, StepUnit } from "../../src/domain/series.js";
import type { LogFormat, TrainingRun } from "../../src/domain/run.js";
import { ingestFiles } from "../../src/ingest/ingest.js";
import { classifyTag } from "../../src/ingest/roles.js";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SHARED = resolve(REPO_ROOT, "../shared");
export const TORCH_RUNS = join(SHARED, "fixtures/torch-runs");
export const REAL_LOGS = join(SHARED, "fixtures/real-logs");

export interface TorchRunEntry {
  path: string;
  scenario: string;
  seed: number;
  format: string;
  steps_path: string | null;
  expected_symptoms: string[];
  epoch_level_symptoms: string[];
  true_cause: string;
  config: Record<string, string | number | boolean | null>;
}

export function torchRunsAvailable(): boolean {
  return existsSync(join(TORCH_RUNS, "manifest.jsonl"));
}

export function readTorchManifest(): TorchRunEntry[] {
  const text = readFileSync(join(TORCH_RUNS, "manifest.jsonl"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as TorchRunEntry);
}

type Columns = Map<string, { steps: number[]; values: number[] }>;

function push(columns: Columns, tag: string, step: number, value: number): void {
  let column = columns.get(tag);
  if (column === undefined) {
    column = { steps: [], values: [] };
    columns.set(tag, column);
  }
  column.steps.push(step);
  column.values.push(value);
}

function parseNumber(text: string): number {
  const t = text.trim().toLowerCase();
  if (t === "nan") return Number.NaN;
  if (t === "inf" || t === "infinity") return Number.POSITIVE_INFINITY;
  if (t === "-inf" || t === "-infinity") return Number.NEGATIVE_INFINITY;
  return Number(t);
}

function readCsv(text: string, stepColumn: string, skip: ReadonlySet<string>): Columns {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = (lines[0] ?? "").split(",");
  const stepIndex = header.indexOf(stepColumn);
  const columns: Columns = new Map();
  lines.slice(1).forEach((line, row) => {
    const cells = line.split(",");
    const step = stepIndex >= 0 ? Number(cells[stepIndex]) : row;
    header.forEach((name, i) => {
      const cell = cells[i] ?? "";
      if (i === stepIndex || skip.has(name) || cell.trim() === "") return;
      push(columns, name, step, parseNumber(cell));
    });
  });
  return columns;
}

function readHistoryJson(text: string): Columns {
  // Python's json.dump writes bare NaN / Infinity tokens; quote them so JSON.parse accepts them.
  const quoted = text.replace(/(-?Infinity|NaN)(?=\s*[,\]])/g, '"$1"');
  const data = JSON.parse(quoted) as Record<string, (number | string | null)[]>;
  const columns: Columns = new Map();
  for (const [tag, values] of Object.entries(data)) {
    values.forEach((v, epoch) => push(columns, tag, epoch, v === null ? Number.NaN : parseNumber(String(v))));
  }
  return columns;
}

function readConsole(text: string): Columns {
  const columns: Columns = new Map();
  let epoch = -1;
  for (const line of text.split(/\r?\n/)) {
    const header = /^Epoch (\d+)\/\d+/.exec(line);
    if (header !== null) {
      epoch = Number(header[1]) - 1;
      continue;
    }
    if (epoch < 0 || !line.includes(" - loss:")) continue;
    for (const match of line.matchAll(/ - ([A-Za-z_]+): ([-+0-9.eE]+|nan|inf|-inf)/g)) {
      push(columns, match[1] ?? "", epoch, parseNumber(match[2] ?? ""));
    }
  }
  return columns;
}

function toSeries(columns: Columns, stepUnit: StepUnit, prefix = ""): Series[] {
  return [...columns].map(([name, column]) => {
    const tag = prefix + name;
    const { role, direction } = classifyTag(tag);
    return { tag, role, direction, stepUnit, steps: Float64Array.from(column.steps), values: Float64Array.from(column.values) };
  });
}

const FORMAT: Record<string, LogFormat> = {
  keras_csv: "keras-csv",
  lightning_csv: "lightning-csv",
  keras_json: "keras-history-json",
  keras_console: "keras-console",
};

function readMain(entry: TorchRunEntry, text: string): Columns {
  switch (entry.format) {
    case "keras_csv":
      return readCsv(text, "epoch", new Set());
    case "lightning_csv":
      return readCsv(text, "epoch", new Set(["step"]));
    case "keras_json":
      return readHistoryJson(text);
    default:
      return readConsole(text);
  }
}

function ingestOne(path: string): Series[] | null {
  try {
    const result = ingestFiles([{ path, data: new Uint8Array(readFileSync(join(TORCH_RUNS, path))) }]);
    const run = result.runs[0];
    return run !== undefined && run.series.length > 0 ? run.series : null;
  } catch {
    return null;
  }
}

function readStepsFile(path: string): Series[] {
  const ingested = ingestOne(path);
  const series = ingested ?? toSeries(readCsv(readFileSync(join(TORCH_RUNS, path), "utf8"), "step", new Set()), "step");
  return series.map((s) => {
    const tag = `step/${s.tag}`;
    return { ...s, tag, ...classifyTag(tag), stepUnit: "step" as const };
  });
}

/** Builds the TrainingRun of one manifest entry; `withSteps: false` ignores steps.csv (epoch-level view). */
export function loadTorchRun(entry: TorchRunEntry, withSteps = true): TrainingRun {
  const series = ingestOne(entry.path) ?? toSeries(readMain(entry, readFileSync(join(TORCH_RUNS, entry.path), "utf8")), "epoch");
  const files = [entry.path];
  if (withSteps && entry.steps_path !== null) {
    series.push(...readStepsFile(entry.steps_path));
    files.push(entry.steps_path);
  }
  return {
    name: `${entry.scenario}/seed${entry.seed}`,
    source: { path: entry.path, format: FORMAT[entry.format] ?? "csv", files },
    framework: "keras",
    series,
    hparams: {},
  };
}
