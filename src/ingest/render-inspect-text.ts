import type { Issue } from "../domain/issue.js";
import type { InspectJson, RunSummary, SeriesSummary } from "./summarize.js";

/** Options of the text view. */
export interface InspectTextOptions {
  /** ANSI colours for severities (terminal output). Default: false. */
  color?: boolean;
}

const COLUMNS = ["tag", "role", "points", "first", "last", "min", "max", "NaN", "Inf"] as const;
const SEVERITY_COLOR = { error: "\u001b[31m", warning: "\u001b[33m", info: "\u001b[36m" } as const;
const RESET = "\u001b[0m";
/** Longest tag shown before it is shortened with an ellipsis. */
const MAX_TAG_CHARS = 48;

/** Plain-text view of `inspect`: per run a series table, hparams, then all issues. Pure. */
export function renderInspectText(summary: InspectJson, options: InspectTextOptions = {}): string {
  const out: string[] = [];
  if (summary.runs.length === 0) out.push("No runs found.");
  for (const run of summary.runs) out.push(...renderRun(run), "");
  if (summary.issues.length > 0) {
    out.push(`Issues (${summary.issues.length}):`);
    for (const issue of summary.issues) out.push(`  ${renderIssue(issue, options.color ?? false)}`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function renderRun(run: RunSummary): string[] {
  const lines = [`Run ${run.name}  (${run.source.format}, ${run.framework})`, `  source: ${run.source.path}${run.source.files.length > 1 ? ` (${run.source.files.length} files)` : ""}`];
  const rows = run.series.map(seriesRow);
  lines.push(...table([[...COLUMNS], ...rows]).map((line) => `  ${line}`));
  const hparams = Object.entries(run.hparams);
  if (hparams.length > 0) lines.push(`  hparams: ${hparams.map(([key, value]) => `${key}=${String(value)}`).join(", ")}`);
  return lines;
}

function seriesRow(series: SeriesSummary): string[] {
  const tag = series.tag.length > MAX_TAG_CHARS ? `${series.tag.slice(0, MAX_TAG_CHARS - 1)}…` : series.tag;
  return [tag, series.role, String(series.points), num(series.firstStep), num(series.lastStep), num(series.min), num(series.max), String(series.nanCount), String(series.infCount)];
}

function num(value: number | null): string {
  if (value === null) return "-";
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  return Number(value.toPrecision(4)).toString();
}

/** Left-aligned text columns, numbers right-aligned. */
function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd());
}

function renderIssue(issue: Issue, color: boolean): string {
  const where = issue.location ? formatLocation(issue.location) : "";
  const severity = color ? `${SEVERITY_COLOR[issue.severity]}${issue.severity}${RESET}` : issue.severity;
  return `${severity} [${issue.code}] ${where}${where ? ": " : ""}${issue.message}`;
}

function formatLocation(location: NonNullable<Issue["location"]>): string {
  let text = location.file ?? "";
  if (location.line !== undefined) text += `:${location.line}${location.column !== undefined ? `:${location.column}` : ""}`;
  if (location.byteOffset !== undefined) text += ` @${location.byteOffset}`;
  return text;
}
