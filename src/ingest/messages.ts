import type { Issue, IssueLocation } from "../domain/issue.js";
import type { Severity } from "../domain/severity.js";

/** What each kind of input was expected to contain, for `no-metrics-found`. */
const NO_METRICS_HINTS: Readonly<Record<string, string>> = {
  "text log": "Expected lines such as 'epoch 3, loss 0.123', 'Epoch 3/50 ... - loss: 0.23' or 'step=10 loss=0.5'.",
  "CSV file": "Expected a header row with metric names (loss, val_loss, accuracy, ...) and rows of numbers.",
  "JSON file": "Expected a Keras history dict, a Hugging Face trainer_state.json, or records with a loss/metric field (e.g. {\"step\": 10, \"loss\": 0.5}).",
  "MLflow metric file": "Expected lines of '<timestamp ms> <value> <step>'.",
};

/**
 * Catalogue of ingest issue codes. Codes are stable kebab-case identifiers documented in
 * docs/ingest.md; the text says what was observed and what the user can do about it.
 */
export const INGEST_ISSUES = {
  "file-too-large": { severity: "error", text: (a: string) => `The file is larger than the per-file limit (${a}); it was not read. Raise maxFileBytes or trim the log.` },
  "total-size-exceeded": { severity: "error", text: (a: string) => `The inputs exceed the total size limit (${a}); this file and later ones were not read. Raise maxTotalBytes or pass fewer files.` },
  "empty-file": { severity: "warning", text: () => "The file is empty: there is nothing to read." },
  "binary-file": { severity: "warning", text: () => "The file looks binary and is not a known log format (TensorBoard event files must contain 'tfevents' in their name)." },
  "lfs-pointer": { severity: "error", text: () => "This is a Git LFS pointer, not the log itself. Run `git lfs pull` (or download the real file) and try again." },
  "no-metrics-found": { severity: "warning", text: (a: string) => `No metrics were found in this ${a}. ${NO_METRICS_HINTS[a] ?? ""}`.trim() },
  "unknown-format": { severity: "warning", text: () => "The format of this file was not recognised; pass --format csv|json|text|tfevents to force one." },
  "decode-error": { severity: "warning", text: () => "The file is not valid UTF-8; undecodable bytes were replaced." },
  "line-too-long": { severity: "info", text: (a: string) => `${a} line(s) longer than the line-length limit were skipped.` },
  "csv-header-too-long": { severity: "warning", text: (a: string) => `The CSV's header row is longer than the ${a}-character line limit; the file was not read (its first data row would have been taken for the header).` },
  "csv-no-header": { severity: "warning", text: () => "The CSV has no header row with column names; it was not read. Add a header such as 'epoch,loss,val_loss'." },
  "csv-no-step-column": { severity: "info", text: (a: string) => `No step or epoch column was found; ${a} is used as the step.` },
  "csv-ragged-rows": { severity: "info", text: (a: string) => `${a} row(s) have a different number of cells than the header; missing cells were treated as empty.` },
  "csv-text-cells": { severity: "info", text: (a: string) => `${a} cell(s) in numeric columns are not numbers and were skipped.` },
  "csv-empty-columns": { severity: "info", text: (a: string) => `Column(s) ${a} have no values in any row.` },
  "csv-text-columns": { severity: "info", text: (a: string) => `Column(s) ${a} hold text, not numbers, and were not read as series.` },
  "wandb-runs-table": { severity: "warning", text: () => "This is a Weights & Biases runs-table export (one row per run, final values only), not a time series. Export a run's history instead (Run page → Charts → Download CSV, or `run.history()` in the API)." },
  "step-constant": { severity: "info", text: (a: string) => `Every point of '${a}' has the same step; the point order (0, 1, 2, ...) is used as the step instead.` },
  "mlflow-bad-line": { severity: "info", text: (a: string) => `${a} line(s) are not 'timestamp value step' triples and were skipped.` },
  "json-invalid": { severity: "error", text: (a: string) => `The JSON could not be parsed: ${a}.` },
  "json-unrecognized": { severity: "warning", text: () => "The JSON is valid but not a known training log (Keras history dict, Hugging Face trainer_state.json, list of metric records)." },
  "json-too-large": { severity: "error", text: (a: string) => `The JSON document is too large to parse in one piece (${a}); write it as JSON Lines (one record per line) instead.` },
  "jsonl-bad-lines": { severity: "info", text: (a: string) => `${a} line(s) are not JSON objects and were skipped.` },
  "no-step-field": { severity: "info", text: () => "The records have no step, epoch or iteration field; the record order is used as the step." },
  "zip-invalid": { severity: "error", text: (a: string) => `The zip archive could not be read: ${a}.` },
  "zip-unsafe-path": { severity: "warning", text: () => "The archive entry has an unsafe path (absolute, drive letter or '..'); it was skipped." },
  "zip-too-many-entries": { severity: "warning", text: (a: string) => `The archive has more than ${a} entries; the rest were skipped. Raise maxFilesPerArchive to read them.` },
  "zip-expansion-ratio": { severity: "error", text: (a: string) => `The archive entry expands ${a} times, more than the allowed expansion ratio (possible zip bomb); it was skipped.` },
  "zip-entry-too-large": { severity: "error", text: (a: string) => `The archive entry would expand to ${a}, more than the size limit; it was skipped.` },
  "zip-nested-too-deep": { severity: "warning", text: () => "Zip archives nested this deep are not unpacked; the entry was skipped." },
  "dir-file-limit": { severity: "warning", text: (a: string) => `More than ${a} files were found under this directory; the rest were not read. Raise maxFilesPerDirectory or pass a narrower path.` },
  "path-unreadable": { severity: "error", text: (a: string) => `The path could not be read: ${a}.` },
  "no-log-files": { severity: "warning", text: () => "No log files (CSV, JSON, text logs, TensorBoard event files, zips) were found under this directory." },
} as const satisfies Record<string, { severity: Severity; text: (arg: string) => string }>;

export type IngestIssueCode = keyof typeof INGEST_ISSUES;

/** Builds a catalogue issue. `arg` fills the message's blank (a count, a size, a column list). */
export function ingestIssue(code: IngestIssueCode, location: IssueLocation, arg = ""): Issue {
  const entry = INGEST_ISSUES[code];
  return { code, severity: entry.severity, message: entry.text(arg), location };
}

/** Human-readable byte size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
