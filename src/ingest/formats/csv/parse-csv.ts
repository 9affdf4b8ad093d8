import type { Issue } from "../../../domain/issue.js";
import type { TrainingRun } from "../../../domain/run.js";
import { ingestIssue } from "../../messages.js";
import { SeriesBuilder } from "../../series-builder.js";
import { forEachLine } from "../../text/lines.js";
import { parseNumberIn } from "../../text/numbers.js";
import type { IngestLimits, IngestResult, InputFile } from "../../types.js";
import { finishRun, runName } from "../finish-run.js";
import { classifyCsvHeader, type CsvLayout } from "./classify-header.js";
import { cellText, detectDelimiter, isBlankCell, newCellBounds, splitRow } from "./split-row.js";

/** Longest CSV record (after joining quoted line breaks) that is read; longer ones are skipped. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/** Per-column tallies kept while reading rows. */
interface ColumnStats {
  numeric: number;
  text: number;
  firstTextLine: number;
}

/** State of one CSV read. */
interface CsvState {
  layout: CsvLayout;
  /** Per column: the appender of its series, or null when the column is not a series. */
  sinks: (((step: number, value: number, wallTime?: number) => void) | null)[];
  delimiter: number;
  builders: Map<string, SeriesBuilder>;
  stats: ColumnStats[];
  rowIndex: number;
  lastStep: number;
  ragged: number;
  firstRaggedLine: number;
  longLines: number;
}

/**
 * Reads a CSV training log (Keras CSVLogger, pandas history dump, Lightning metrics.csv, YOLO
 * results.csv, W&B history and chart exports, generic). Each column keeps its own non-empty cells, so
 * sparse Lightning/W&B rows give clean series. Never throws.
 */
export function parseCsv(file: InputFile, limits: IngestLimits): IngestResult {
  const issues: Issue[] = [];
  let state: CsvState | undefined;
  // Lines of a record whose quoted cell is still open (always an odd number of quotes so far). Only
  // each new line is scanned for quotes: rescanning the joined record per line was quadratic.
  let pending: string[] = [];
  let pendingChars = 0;
  let pendingLine = 0;
  let headerTooLong = 0;
  const replaced = forEachLine(file.data, (line, lineNo): boolean => {
    const open = pending.length > 0;
    const chars = open ? pendingChars + 1 + line.length : line.length;
    if (chars > MAX_CSV_RECORD_CHARS) {
      pending = [];
      if (state === undefined) {
        // The header itself: reading on would take the first data row for it.
        headerTooLong = open ? pendingLine : lineNo;
        return false;
      }
      state.longLines++;
      return true;
    }
    if (!open && state === undefined && (line.trim() === "" || line.startsWith("#"))) return true;
    if (open !== unbalancedQuotes(line)) {
      if (!open) pendingLine = lineNo;
      pending.push(line);
      pendingChars = chars;
      return true;
    }
    const record = open ? `${pending.join("\n")}\n${line}` : line;
    const startLine = open ? pendingLine : lineNo;
    pending = [];
    if (state === undefined) {
      state = startState(record, file, limits);
      return !state.layout.runsTable;
    }
    readRow(state, record, startLine);
    return true;
  });
  if (replaced) issues.push(ingestIssue("decode-error", { file: file.path }));
  if (headerTooLong > 0) return { runs: [], issues: [...issues, ingestIssue("csv-header-too-long", { file: file.path, line: headerTooLong }, String(MAX_CSV_RECORD_CHARS))] };
  if (state === undefined) return { runs: [], issues: [...issues, ingestIssue("csv-no-header", { file: file.path, line: 1 })] };
  if (state.layout.runsTable) return { runs: [], issues: [...issues, ingestIssue("wandb-runs-table", { file: file.path, line: 1 })] };
  if (pending.length > 0) readRow(state, pending.join("\n"), pendingLine);
  return finish(state, file, issues);
}

/** True when `text` holds an odd number of double quotes. */
function unbalancedQuotes(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

function startState(header: string, file: InputFile, limits: IngestLimits): CsvState {
  const delimiter = detectDelimiter(header);
  const bounds = newCellBounds();
  splitRow(header, delimiter, bounds);
  const names: string[] = [];
  let padded = false;
  for (let i = 0; i < bounds.count; i++) {
    const start = bounds.starts[i] ?? 0;
    names.push(cellText(header, start, bounds.ends[i] ?? 0));
    if (header.charCodeAt(start) === 32 && header.charCodeAt(start + 1) === 32) padded = true;
  }
  const layout = classifyCsvHeader(names, padded, file.path);
  const builders = new Map<string, SeriesBuilder>();
  for (const column of layout.columns) {
    if (column && !builders.has(column.group)) {
      builders.set(column.group, new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: file.path }));
    }
  }
  const stats = names.map(() => ({ numeric: 0, text: 0, firstTextLine: 0 }));
  const sinks = layout.columns.map((column) => (column ? (builders.get(column.group)?.channel(column.tag, {}, layout.stepUnit) ?? null) : null));
  return { layout, sinks, delimiter, builders, stats, rowIndex: 0, lastStep: Number.NaN, ragged: 0, firstRaggedLine: 0, longLines: 0 };
}

const rowBounds = newCellBounds();

function readRow(state: CsvState, line: string, lineNo: number): void {
  if (isBlankCell(line, 0, line.length)) return;
  splitRow(line, state.delimiter, rowBounds);
  const { layout } = state;
  if (rowBounds.count !== layout.columns.length && !(rowBounds.count === 1 && layout.columns.length === 1)) {
    if (state.ragged++ === 0) state.firstRaggedLine = lineNo;
  }
  const step = rowStep(state, line);
  const wallTime = layout.wallTimeColumn >= 0 ? cellNumber(line, layout.wallTimeColumn) : undefined;
  const seconds = wallTime !== undefined && wallTime > 1e11 ? wallTime / 1000 : wallTime;
  const count = Math.min(rowBounds.count, layout.columns.length);
  for (let col = 0; col < count; col++) {
    const sink = state.sinks[col];
    if (!sink) continue;
    const start = rowBounds.starts[col] ?? 0;
    const end = rowBounds.ends[col] ?? 0;
    const value = parseNumberIn(line, start, end);
    const stats = state.stats[col];
    if (value === undefined) {
      if (stats && !isBlankCell(line, start, end) && stats.text++ === 0) stats.firstTextLine = lineNo;
      continue;
    }
    if (stats) stats.numeric++;
    sink(step, value, seconds);
  }
  state.rowIndex++;
}

function cellNumber(line: string, col: number): number | undefined {
  if (col >= rowBounds.count) return undefined;
  return parseNumberIn(line, rowBounds.starts[col] ?? 0, rowBounds.ends[col] ?? 0);
}

/** The row's step: its step cell, else the previous row's step, else the row index. */
function rowStep(state: CsvState, line: string): number {
  if (state.layout.stepColumn < 0) return state.rowIndex;
  const step = cellNumber(line, state.layout.stepColumn);
  if (step !== undefined && Number.isFinite(step)) state.lastStep = step;
  return Number.isNaN(state.lastStep) ? state.rowIndex : state.lastStep;
}

function finish(state: CsvState, file: InputFile, issues: Issue[]): IngestResult {
  const { layout } = state;
  const location = { file: file.path };
  issues.push(...columnIssues(state, file.path));
  if (layout.stepColumn < 0) issues.push(ingestIssue("csv-no-step-column", location, "the row index (0, 1, 2, ...)"));
  else if (layout.pandasIndex && layout.stepColumn === 0) issues.push(ingestIssue("csv-no-step-column", location, "the unnamed DataFrame index (epoch)"));
  if (state.ragged > 0) issues.push(ingestIssue("csv-ragged-rows", { file: file.path, line: state.firstRaggedLine }, String(state.ragged)));
  if (state.longLines > 0) issues.push(ingestIssue("line-too-long", location, String(state.longLines)));
  const runs: TrainingRun[] = [];
  for (const [group, builder] of state.builders) {
    const built = builder.build();
    issues.push(...built.issues);
    const name = group === "" ? runName(file.path) : group;
    const finished = finishRun({ name, source: { path: file.path, format: layout.format, files: [file.path] }, framework: layout.framework, series: built.series, hparams: {} });
    issues.push(...finished.issues);
    if (finished.run.series.length > 0) runs.push(finished.run);
  }
  if (runs.length === 0) issues.push(ingestIssue("no-metrics-found", location, "CSV file"));
  return { runs, issues };
}

/** Drops mostly-text columns and reports text cells and empty columns. */
function columnIssues(state: CsvState, file: string): Issue[] {
  const textColumns: string[] = [];
  const emptyColumns: string[] = [];
  let textCells = 0;
  let firstTextLine = 0;
  state.layout.columns.forEach((column, col) => {
    const stats = state.stats[col];
    if (!column || !stats) return;
    if (stats.text > 0 && stats.text >= stats.numeric) {
      textColumns.push(column.group ? `${column.group} - ${column.tag}` : column.tag);
      state.builders.get(column.group)?.discard(column.tag);
    } else if (stats.text > 0) {
      textCells += stats.text;
      if (firstTextLine === 0 || stats.firstTextLine < firstTextLine) firstTextLine = stats.firstTextLine;
    } else if (stats.numeric === 0) {
      emptyColumns.push(column.tag);
    }
  });
  const issues: Issue[] = [];
  if (textCells > 0) issues.push(ingestIssue("csv-text-cells", { file, line: firstTextLine }, String(textCells)));
  if (textColumns.length > 0) issues.push(ingestIssue("csv-text-columns", { file }, quoteList(textColumns)));
  if (emptyColumns.length > 0) issues.push(ingestIssue("csv-empty-columns", { file }, quoteList(emptyColumns)));
  return issues;
}

function quoteList(names: string[]): string {
  const shown = names.slice(0, 8).map((name) => `'${name}'`).join(", ");
  return names.length > 8 ? `${shown} and ${names.length - 8} more` : shown;
}
