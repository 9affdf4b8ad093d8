import type { Issue } from "../../../domain/issue.js";
import type { TrainingRun } from "../../../domain/run.js";
import { formatBytes, ingestIssue } from "../../messages.js";
import { SeriesBuilder } from "../../series-builder.js";
import { decodeText, forEachLine, MAX_SINGLE_STRING_BYTES } from "../../text/lines.js";
import type { IngestLimits, IngestResult, InputFile } from "../../types.js";
import { fileRun, finishRun } from "../finish-run.js";
import { trainerStateRun, isTrainerState } from "./hf-trainer-state.js";
import { isObject, parseLenientJson, type JsonValue } from "./json-values.js";
import { findHistory, kerasHistoryRun } from "./keras-history.js";
import { RecordReader } from "./records.js";

/**
 * Reads a JSON training log: a Keras history dict, a Hugging Face trainer_state.json, an array of
 * metric records, or JSON Lines (one record per line). Never throws.
 */
export function parseJson(file: InputFile, limits: IngestLimits): IngestResult {
  if (file.data.length > MAX_SINGLE_STRING_BYTES) return parseJsonLines(file, limits);
  const text = decodeText(file.data);
  const parsed = parseLenientJson(text);
  if ("error" in parsed) {
    if (looksLikeJsonLines(text)) return parseJsonLines(file, limits);
    return { runs: [], issues: [ingestIssue("json-invalid", { file: file.path, ...errorPosition(text, parsed.error) }, parsed.error)] };
  }
  return fromDocument(file, parsed.value, limits);
}

function fromDocument(file: InputFile, value: JsonValue, limits: IngestLimits): IngestResult {
  let result: { run: TrainingRun; issues: Issue[] } | undefined;
  if (Array.isArray(value)) result = fromRecords(file, value, limits, "json");
  else if (isObject(value) && isTrainerState(value)) result = trainerStateRun(file, value, limits);
  else if (isObject(value)) {
    const history = findHistory(value);
    if (history) result = kerasHistoryRun(file, history, limits);
    else if (Object.values(value).some((entry) => typeof entry === "number")) result = fromRecords(file, [value], limits, "json");
  }
  return finalize(file, result, "json-unrecognized");
}

function fromRecords(file: InputFile, records: JsonValue[], limits: IngestLimits, format: "json" | "jsonl"): { run: TrainingRun; issues: Issue[] } {
  const builder = new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: file.path });
  const reader = new RecordReader(builder);
  for (const record of records) if (isObject(record)) reader.add(record);
  const built = builder.build();
  return { run: fileRun(file.path, format, "unknown", built.series), issues: [...reader.issues(file.path), ...built.issues] };
}

/** Reads JSON Lines record by record (bounded memory: one line at a time). */
export function parseJsonLines(file: InputFile, limits: IngestLimits): IngestResult {
  const builder = new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: file.path });
  const reader = new RecordReader(builder);
  let bad = 0;
  let firstBad = 0;
  forEachLine(file.data, (line, lineNo) => {
    const trimmed = line.trim();
    if (trimmed === "") return;
    const parsed = trimmed.startsWith("{") ? parseLenientJson(trimmed) : undefined;
    if (parsed && "value" in parsed && isObject(parsed.value)) return void reader.add(parsed.value);
    if (bad++ === 0) firstBad = lineNo;
  });
  const built = builder.build();
  const issues = [...reader.issues(file.path), ...built.issues];
  if (bad > 0) issues.push(ingestIssue("jsonl-bad-lines", { file: file.path, line: firstBad }, String(bad)));
  const run = fileRun(file.path, "jsonl", "unknown", built.series);
  if (file.data.length > MAX_SINGLE_STRING_BYTES && built.series.length === 0) {
    return { runs: [], issues: [...issues, ingestIssue("json-too-large", { file: file.path }, formatBytes(file.data.length))] };
  }
  return finalize(file, { run, issues }, "no-metrics-found");
}

function finalize(file: InputFile, result: { run: TrainingRun; issues: Issue[] } | undefined, emptyCode: "json-unrecognized" | "no-metrics-found"): IngestResult {
  if (result === undefined || result.run.series.length === 0) {
    return { runs: [], issues: [...(result?.issues ?? []), ingestIssue(emptyCode, { file: file.path }, "JSON file")] };
  }
  if (isGenericRecords(result.run) && result.run.series.every((series) => series.role === "other")) {
    return { runs: [], issues: [ingestIssue(emptyCode === "no-metrics-found" ? "no-metrics-found" : "json-unrecognized", { file: file.path }, "JSON file")] };
  }
  const finished = finishRun(result.run);
  return { runs: [finished.run], issues: [...result.issues, ...finished.issues] };
}

/**
 * Generic record files (JSON Lines, arrays of dicts) count as training logs only when some field is a
 * loss, metric, learning rate or gradient norm; otherwise any JSON with numbers would become "series".
 */
function isGenericRecords(run: TrainingRun): boolean {
  return run.source.format === "json" || run.source.format === "jsonl";
}

/** Two or more lines that each start with `{`: JSON Lines. */
export function looksLikeJsonLines(text: string): boolean {
  let count = 0;
  for (const line of text.slice(0, 65536).split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (!trimmed.startsWith("{")) return false;
    if (++count >= 2) return true;
  }
  return false;
}

/** Where V8's JSON error points: `at position N`, the quoted context of `Unexpected token`, or the end. */
function errorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const context = /Unexpected token '([\s\S])', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!context) return undefined;
  const snippet = context[2] ?? "";
  const at = text.indexOf(snippet);
  return at < 0 ? undefined : at + Math.max(0, snippet.indexOf(context[1] ?? ""));
}

/** 1-based line and column of a JSON syntax error, when the message locates it. */
function errorPosition(text: string, message: string): { line?: number; column?: number } {
  const found = errorOffset(text, message);
  if (found === undefined) return {};
  const offset = Math.min(found, text.length);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
