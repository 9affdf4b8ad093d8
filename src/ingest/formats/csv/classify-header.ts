import type { Framework, LogFormat } from "../../../domain/run.js";
import type { StepUnit } from "../../../domain/series.js";

/** What a CSV header says about the file: its flavour, the step and wall-time columns, and which columns are series. */
export interface CsvLayout {
  format: LogFormat;
  framework: Framework;
  /** Column holding the x axis, or -1 (row index is used). */
  stepColumn: number;
  stepUnit: StepUnit;
  /** Column holding wall time (seconds or milliseconds since the epoch), or -1. */
  wallTimeColumn: number;
  /** Per column: the run group and tag it feeds, or null when it is not a series. */
  columns: ({ group: string; tag: string } | null)[];
  /** A W&B runs-table export: one row per run, not a time series. */
  runsTable: boolean;
  /** The first column is an unnamed pandas index. */
  pandasIndex: boolean;
}

/** Step columns in order of preference (case-insensitive). */
const STEP_NAMES = ["step", "global_step", "trainer/global_step", "iteration", "iter", "_step", "epoch"] as const;
/** Columns that are counters or bookkeeping, never series. */
const NON_SERIES = new Set([...STEP_NAMES, "_timestamp", "_runtime", "timestamp", "wall_time", "walltime", "created_at", "time", "date", "datetime"]);
const WALL_TIME_NAMES = ["_timestamp", "wall_time", "walltime", "timestamp"] as const;
/** Columns a W&B runs table always has. */
const RUNS_TABLE_MARKERS = ["name", "state", "created", "runtime"];
/**
 * `<run> - <metric>` columns of a W&B chart export. Never run on a name with a line break: it cannot
 * match one (`.` stops at the break), but finds out only after a scan per ` - ` (quadratic).
 */
export const WANDB_RUN_COLUMN = /^(.+?) - (.+)$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const WANDB_AGGREGATE = /__(MIN|MAX)$/;
const YOLO_MARKERS = /^(train\/box_loss|train\/box_om|metrics\/mAP50\(B\)|metrics\/mAP_0\.5|metrics\/precision(\(B\))?|x\/lr0|lr\/pg0)$/;
const KERAS_MARKERS = /^(loss|val_loss|acc|accuracy|val_acc|val_accuracy)$/;

/** TensorBoard's "Download CSV" export: `Wall time,Step,Value`, one tag per file. */
const TENSORBOARD_EXPORT = ["wall time", "step", "value"];
/**
 * TensorBoard names exports `run-<run>-tag-<tag>.csv`, with `/` in names replaced by `_`. Linear on any
 * name: only the first `run-` of a line is tried (a later one matches only when the first does), and
 * the `.csv` ending is checked once before `-tag-` is searched (retrying both per `run-` was quadratic).
 */
export const TENSORBOARD_EXPORT_NAME = /(?=run-)(?<!run-.*?)run-(?=.*\.csv$)(.+)-tag-(.+)\.csv$/i;

/**
 * Classifies a CSV header (cells already trimmed and unquoted). `padded` = header cells carried
 * leading spaces (YOLO). `path` names the tag of TensorBoard CSV exports.
 */
export function classifyCsvHeader(names: string[], padded: boolean, path = ""): CsvLayout {
  const lower = names.map((name) => name.toLowerCase());
  if (lower.length === 3 && TENSORBOARD_EXPORT.every((name, index) => lower[index] === name)) return tensorboardExport(path);
  const runsTable = RUNS_TABLE_MARKERS.every((marker) => lower.includes(marker));
  const pandasIndex = names[0] === "" && names.length > 1;
  const stepColumn = pickStepColumn(lower, pandasIndex);
  const wallTimeColumn = pickFirst(lower, WALL_TIME_NAMES);
  const wandbExport = names.some((name) => WANDB_AGGREGATE.test(name));
  const columns = names.map((name, index) => {
    if (index === stepColumn || index === wallTimeColumn || (pandasIndex && index === 0)) return null;
    if (NON_SERIES.has(name.toLowerCase()) || name === "" || WANDB_AGGREGATE.test(name)) return null;
    const grouped = wandbExport && !LINE_BREAK.test(name) ? WANDB_RUN_COLUMN.exec(name) : null;
    return grouped ? { group: grouped[1] ?? "", tag: grouped[2] ?? name } : { group: "", tag: name };
  });
  const { format, framework } = flavour(lower, names, padded, pandasIndex, wandbExport);
  const stepName = stepColumn >= 0 ? lower[stepColumn] : undefined;
  const stepUnit: StepUnit = stepName === "epoch" || (pandasIndex && stepColumn === 0) ? "epoch" : "step";
  return { format, framework, stepColumn, stepUnit, wallTimeColumn, columns, runsTable, pandasIndex };
}

function pickStepColumn(lower: string[], pandasIndex: boolean): number {
  const named = pickFirst(lower, STEP_NAMES);
  if (named >= 0) return named;
  return pandasIndex ? 0 : -1;
}

function pickFirst(lower: string[], candidates: readonly string[]): number {
  for (const candidate of candidates) {
    const index = lower.indexOf(candidate);
    if (index >= 0) return index;
  }
  return -1;
}

function flavour(lower: string[], names: string[], padded: boolean, pandasIndex: boolean, wandbExport: boolean): { format: LogFormat; framework: Framework } {
  if (wandbExport || lower.includes("_step") || lower.includes("_runtime")) return { format: "wandb-csv", framework: "unknown" };
  if (padded || names.some((name) => YOLO_MARKERS.test(name))) return { format: "yolo-csv", framework: "yolo" };
  if (lower.includes("created_at") || (lower.includes("step") && lower.includes("epoch"))) return { format: "lightning-csv", framework: "lightning" };
  const kerasLike = lower.some((name) => KERAS_MARKERS.test(name));
  if (pandasIndex) return { format: "pandas-csv", framework: kerasLike ? "keras" : "unknown" };
  if (lower[0] === "epoch" && kerasLike) return { format: "keras-csv", framework: "keras" };
  return { format: "csv", framework: "unknown" };
}

/** Layout of a TensorBoard CSV export: the value column is named after the tag in the file name. */
function tensorboardExport(path: string): CsvLayout {
  const base = path.split(/[/\\!]/).pop() ?? path;
  const match = TENSORBOARD_EXPORT_NAME.exec(base);
  const run = match?.[1] ?? "";
  const tag = match?.[2] ?? base.replace(/\.csv$/i, "");
  const split = /(^|[_.-])(validation|val|eval|test)$/i.test(run) ? "validation/" : /(^|[_.-])train$/i.test(run) ? "train/" : "";
  return {
    format: "csv",
    framework: "tensorflow",
    stepColumn: 1,
    stepUnit: /epoch/i.test(tag) ? "epoch" : "step",
    wallTimeColumn: 0,
    columns: [null, null, { group: "", tag: tag.startsWith(split) ? tag : `${split}${tag}` }],
    runsTable: false,
    pandasIndex: false,
  };
}
