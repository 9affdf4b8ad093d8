import { isZip } from "./containers/unzip.js";
import { looksLikeMlflow } from "./formats/mlflow.js";
import { detectDelimiter, newCellBounds, splitRow } from "./formats/csv/split-row.js";
import { parseNumberIn } from "./text/numbers.js";
import { headText } from "./text/lines.js";
import type { FormatHint, InputFile } from "./types.js";

/** What a file is, as far as ingest is concerned. */
export type DetectedKind = "tfevents" | "zip" | "csv" | "mlflow" | "json" | "text" | "empty" | "lfs-pointer" | "binary";

/** Bytes looked at when sniffing content. */
export const SNIFF_BYTES = 64 * 1024;
const LFS_POINTER = "version https://git-lfs.github.com/spec/";
const TFEVENTS_NAME = /tfevents/;
const JSON_EXT = /\.(json|jsonl|ndjson)$/i;
const CSV_EXT = /\.(csv|tsv)$/i;
/** Lines of a file checked when deciding whether it is a CSV table. */
const CSV_SNIFF_LINES = 6;

/**
 * Detects a file's format from its name and content. `hint` (from `--format`) forces a family; zip
 * archives are always unpacked. TensorBoard's rule applies: a file is an event file when its name
 * contains `tfevents` (its own parser reports empty files and LFS pointers).
 */
export function detectFormat(file: InputFile, hint: FormatHint = "auto"): DetectedKind {
  const base = baseName(file.path);
  if (isZip(file.data)) return "zip";
  if (hint === "tfevents" || (hint === "auto" && TFEVENTS_NAME.test(base))) return "tfevents";
  if (file.data.length === 0) return "empty";
  const head = headText(file.data, SNIFF_BYTES);
  if (hint === "json") return "json";
  if (hint === "text") return "text";
  if (hint === "csv") return looksLikeMlflow(head) ? "mlflow" : "csv";
  if (head.startsWith(LFS_POINTER)) return "lfs-pointer";
  if (isBinary(file.data)) return looksLikeTfRecord(file.data) ? "tfevents" : "binary";
  return sniffText(base, head);
}

function sniffText(base: string, head: string): DetectedKind {
  const trimmed = head.trimStart();
  if (JSON_EXT.test(base)) return "json";
  if ((trimmed.startsWith("{") && !/^\{\s*'/.test(trimmed)) || trimmed.startsWith("[{") || /^\[\s*[\]{\n]/.test(trimmed)) return "json";
  if (looksLikeMlflow(head)) return "mlflow";
  if (CSV_EXT.test(base) || looksLikeCsv(head)) return "csv";
  return "text";
}

function baseName(path: string): string {
  const parts = path.split(/[/\\!]/);
  return parts[parts.length - 1] ?? path;
}

/** NUL bytes in the first kilobytes (UTF-16 text has a BOM and is decoded instead). */
function isBinary(data: Uint8Array): boolean {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return false;
  return data.subarray(0, Math.min(data.length, 8192)).includes(0);
}

/** A TFRecord whose first event is the `brain.Event:` file-version record. */
function looksLikeTfRecord(data: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(data.subarray(0, 64));
  return head.includes("brain.Event:");
}

/** A header row of names followed by rows with the same cell count, mostly numbers. */
export function looksLikeCsv(head: string): boolean {
  const lines = head.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "").slice(0, CSV_SNIFF_LINES);
  const header = lines[0];
  if (header === undefined || /^\s*Epoch\s+\d+\s*\//i.test(header)) return false;
  const delimiter = detectDelimiter(header);
  const bounds = newCellBounds();
  splitRow(header, delimiter, bounds);
  const width = bounds.count;
  if (width < 2) return false;
  const rows = lines.length > 2 ? lines.slice(1, -1) : lines.slice(1);
  if (rows.length === 0) return !header.includes(": ");
  return rows.every((row) => {
    splitRow(row, delimiter, bounds);
    if (bounds.count !== width) return false;
    let numeric = 0;
    for (let i = 0; i < bounds.count; i++) if (parseNumberIn(row, bounds.starts[i] ?? 0, bounds.ends[i] ?? 0) !== undefined) numeric++;
    return numeric > 0;
  });
}
