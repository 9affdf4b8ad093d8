import type { DiagnoseReport, RunDiagnosis } from "../diagnose/diagnose.js";
import type { Severity } from "../domain/severity.js";
import { formatNumber } from "../diagnose/format-number.js";
import { change, distinctRunName, formatScore, orderedCode, reportSeries, seriesSummary, stepRange } from "./format.js";
import { reportMessages as M } from "./messages.js";
import { sparkline } from "./sparkline.js";
import { causeTitle, verdictOf, type RunStatus } from "./verdict.js";
import { maxOf } from "../domain/extremes.js";

export interface TextReportOptions {
  /** ANSI colours (default false). */
  color?: boolean;
  /** Terminal width (default 80). */
  width?: number;
}

type Paint = (text: string, style: keyof typeof ANSI) => string;

const ANSI = { red: "31", yellow: "33", green: "32", cyan: "36", dim: "2", bold: "1", magenta: "35" } as const;
const ICON: Readonly<Record<Severity, string>> = { error: "✖", warning: "▲", info: "·" };
const STATUS: Readonly<Record<RunStatus, { icon: string; label: string; style: keyof typeof ANSI }>> = {
  healthy: { icon: "✔", label: "HEALTHY", style: "green" },
  warning: { icon: "▲", label: "WARNING", style: "yellow" },
  error: { icon: "✖", label: "ERROR", style: "red" },
  "no-data": { icon: "?", label: "NO DATA", style: "dim" },
};
const SEVERITY_STYLE: Readonly<Record<Severity, keyof typeof ANSI>> = { error: "red", warning: "yellow", info: "dim" };
/** Series shown per run. */
const MAX_SERIES = 8;
/** Evidence lines shown per cause and direction. */
const MAX_EVIDENCE = 3;
/** Causes listed per run. */
const MAX_CAUSES = 5;

function painter(color: boolean): Paint {
  return color ? (text, style) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (text) => text;
}

function bar(score: number, width: number): string {
  const filled = Math.round(score * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

function renderSeries(d: RunDiagnosis, width: number, p: Paint): string[] {
  const series = reportSeries(d.run, MAX_SERIES);
  const tagWidth = Math.min(24, Math.max(maxOf(series.map((s) => s.tag.length)), 4));
  const sparkWidth = Math.max(10, Math.min(40, width - tagWidth - 34));
  return series.map((s) => {
    const { line, logScale } = sparkline(s.values, sparkWidth);
    const sum = seriesSummary(s);
    const bestValue = s.direction === "higher" ? sum.max : sum.min;
    const best = Number.isFinite(bestValue) ? `${s.direction === "higher" ? "max" : "min"} ${formatNumber(bestValue)}` : "no finite value";
    const note = logScale ? p(` (${M.logScale})`, "dim") : "";
    return `  ${s.tag.slice(0, tagWidth).padEnd(tagWidth)}  ${p(line, "cyan")}  ${formatNumber(sum.first)} → ${formatNumber(sum.last)}  ${p(best, "dim")}${note}`;
  });
}

function renderFindings(d: RunDiagnosis, p: Paint): string[] {
  return d.findings.map((f) => {
    const series = d.run.series.find((s) => s.tag === f.series);
    const head = p(`${ICON[f.severity]} ${f.id}`, SEVERITY_STYLE[f.severity]);
    const where = p(`${f.series}, ${stepRange(series, f.fromStep, f.toStep)}, confidence ${formatNumber(f.confidence)}`, "dim");
    return `  ${head}  ${f.message}\n      ${where}`;
  });
}

function renderCauses(d: RunDiagnosis, p: Paint): string[] {
  if (d.causes.length === 0) return [`  ${M.noCauses}`];
  return d.causes.slice(0, MAX_CAUSES).flatMap((c, i) => [
    `  ${i + 1}. ${p(causeTitle(c.id), "bold")} ${p(`[${c.id}]`, "dim")}  ${p(bar(c.score, 10), "magenta")} ${formatScore(c.score)}`,
    ...c.evidence.for.slice(0, MAX_EVIDENCE).map((e) => `       ${p("+", "green")} ${e}`),
    ...c.evidence.against.slice(0, MAX_EVIDENCE).map((e) => `       ${p("−", "red")} ${e}`),
  ]);
}

function indent(code: string, prefix: string): string {
  return code.split("\n").map((l) => `${prefix}${l}`).join("\n");
}

function renderFixes(d: RunDiagnosis, p: Paint): string[] {
  return d.recommendations.map((r, i) => {
    const code = orderedCode(r.code, d.run.framework).map((c) => `     ${p(`${c.label}:`, "dim")}\n${indent(c.code, "       ")}`).join("\n");
    return [
      `  ${i + 1}. ${p(change(r.parameter, r.current, r.proposed), "bold")}  ${p(`(${r.id}, for ${r.cause})`, "dim")}`,
      `     Why: ${r.why}`,
      `     Expect: ${r.expectedEffect}`,
      code,
    ].join("\n");
  });
}

function section(title: string, lines: string[], p: Paint): string[] {
  return lines.length === 0 ? [] : ["", p(title, "bold"), ...lines];
}

function renderRun(d: RunDiagnosis, width: number, p: Paint): string {
  const verdict = verdictOf(d);
  const status = STATUS[verdict.status];
  const name = distinctRunName(d.run);
  const title = `━━ ${d.run.source.path}${name === null ? "" : ` — ${name}`}  ${p(`· ${d.run.source.format} · ${d.run.framework}`, "dim")}`;
  return [
    p(title, "bold"),
    `${p(`${status.icon} ${status.label}`, status.style)}  ${verdict.headline}`,
    ...section(M.sections.series, renderSeries(d, width, p), p),
    ...section(M.sections.findings, renderFindings(d, p), p),
    ...(verdict.status === "error" || verdict.status === "warning" || d.causes.length > 0 ? section(M.sections.causes, renderCauses(d, p), p) : []),
    ...section(M.sections.fixes, renderFixes(d, p), p),
  ].join("\n");
}

/** A terminal report: per run a one-line verdict, sparklines, findings, ranked causes and fixes with code. */
export function renderTextReport(report: DiagnoseReport, options: TextReportOptions = {}): string {
  const p = painter(options.color ?? false);
  const width = options.width ?? 80;
  const blocks = report.runs.map((d) => renderRun(d, width, p));
  if (report.runs.length === 0) blocks.push(M.noRuns);
  if (report.issues.length > 0) {
    const issues = report.issues.map((i) => `  ${p(ICON[i.severity], SEVERITY_STYLE[i.severity])} ${i.code}: ${i.message}${i.location?.file !== undefined ? p(` (${i.location.file}${i.location.line !== undefined ? `:${i.location.line}` : ""})`, "dim") : ""}`);
    blocks.push([p(M.sections.issues, "bold"), ...issues].join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
