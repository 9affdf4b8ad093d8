import { renderMermaidChart } from "../charts/render-mermaid.js";
import type { DiagnoseReport, RunDiagnosis } from "../diagnose/diagnose.js";
import type { Severity } from "../domain/severity.js";
import { formatNumber } from "../diagnose/format-number.js";
import { change, distinctRunName, formatScore, orderedCode, reportSeries, seriesSummary, stepRange } from "./format.js";
import { reportMessages as M } from "./messages.js";
import { sparkline } from "./sparkline.js";
import { causeTitle, verdictOf, type RunStatus } from "./verdict.js";

export interface MarkdownReportOptions {
  /** Chart image URL per run name (shown under the run heading). */
  chartUrls?: Record<string, string>;
  /** Embed a mermaid xychart of the loss (src/charts/render-mermaid.ts) when no chart URL is given. */
  mermaid?: boolean;
  /** Size budget (GitHub comments hold 65,536 chars). Default 60,000. */
  maxChars?: number;
}

/** Default size budget, under GitHub's 65,536-character comment limit. */
export const DEFAULT_MAX_CHARS = 60_000;
const ICON: Readonly<Record<Severity, string>> = { error: "🔴", warning: "🟠", info: "⚪" };
const STATUS_ICON: Readonly<Record<RunStatus, string>> = { healthy: "✅", warning: "⚠️", error: "❌", "no-data": "❔" };
const SPARK_WIDTH = 24;
const MAX_SERIES = 8;
const MAX_CAUSES = 5;
const MAX_EVIDENCE = 3;

/** Escapes table-breaking characters. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function header(d: RunDiagnosis, options: MarkdownReportOptions): string {
  const v = verdictOf(d);
  const name = distinctRunName(d.run);
  const lines = [`### ${STATUS_ICON[v.status]} \`${d.run.source.path}\`${name === null ? "" : ` — \`${name}\``}`, "", `**${v.headline}**`, "", `<sub>${d.run.source.format} · ${d.run.framework} · ${d.run.series.length} series</sub>`];
  const url = options.chartUrls?.[d.run.name];
  if (url !== undefined) lines.push("", `![Loss curves of ${d.run.name}](${url})`);
  else if (options.mermaid === true) {
    const mermaid = renderMermaidChart(d.run, d.findings);
    if (mermaid.trim() !== "") lines.push("", mermaid);
  }
  const series = reportSeries(d.run, MAX_SERIES);
  if (series.length > 0) {
    lines.push("", "| Series | Trend | First → last | Best |", "|---|---|---|---|");
    for (const s of series) {
      const sum = seriesSummary(s);
      // A learning rate or grad norm has no "best" value.
      const best = s.direction === "unknown" ? Number.NaN : s.direction === "higher" ? sum.max : sum.min;
      lines.push(`| \`${cell(s.tag)}\` | ${sparkline(s.values, SPARK_WIDTH).line} | ${formatNumber(sum.first)} → ${formatNumber(sum.last)} | ${Number.isFinite(best) ? formatNumber(best) : "–"} |`);
    }
  }
  return lines.join("\n");
}

function findings(d: RunDiagnosis): string | null {
  if (d.findings.length === 0) return null;
  const rows = d.findings.map((f) => {
    const series = d.run.series.find((s) => s.tag === f.series);
    return `| ${ICON[f.severity]} | \`${f.id}\` | ${cell(f.message)} | \`${cell(f.series)}\` | ${stepRange(series, f.fromStep, f.toStep)} | ${formatNumber(f.confidence)} |`;
  });
  return [`#### ${M.sections.findings}`, "", "| | Id | Finding | Series | Where | Confidence |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

function causes(d: RunDiagnosis): string | null {
  if (d.causes.length === 0) return null;
  const rows = d.causes.slice(0, MAX_CAUSES).map((c, i) => {
    const ev = [...c.evidence.for.slice(0, MAX_EVIDENCE).map((e) => `➕ ${e}`), ...c.evidence.against.slice(0, MAX_EVIDENCE).map((e) => `➖ ${e}`)];
    return `| ${i + 1} | **${causeTitle(c.id)}** \`${c.id}\` | ${formatScore(c.score)} | ${cell(ev.join("<br>"))} |`;
  });
  return [`#### ${M.sections.causes}`, "", "| # | Cause | Score | Evidence |", "|---|---|---|---|", ...rows].join("\n");
}

function fixes(d: RunDiagnosis): string[] {
  return d.recommendations.map((r, i) => {
    const code = orderedCode(r.code, d.run.framework).map((c) => `${c.label}:\n\n\`\`\`python\n${c.code}\n\`\`\``).join("\n\n");
    const summary = `<b>${i + 1}. ${change(r.parameter, r.current, r.proposed).replace(/</g, "&lt;")}</b> — <code>${r.id}</code> (for <code>${r.cause}</code>)`;
    return [`<details${i === 0 ? " open" : ""}><summary>${summary}</summary>`, "", `**Why:** ${r.why}`, "", `**Expected effect:** ${r.expectedEffect}`, "", code, "", "</details>"].join("\n");
  });
}

/** Sections of one run, most important first (the header always comes first). */
function runSections(d: RunDiagnosis, options: MarkdownReportOptions): string[] {
  const fixList = fixes(d);
  const out = [header(d, options), findings(d), causes(d)].filter((s): s is string => s !== null);
  if (fixList.length > 0) out.push(`#### ${M.sections.fixes}`, ...fixList);
  return out;
}

/**
 * The PR-comment report: per run a verdict, a sparkline table (or chart), findings, ranked causes and
 * collapsible fixes with Keras/PyTorch code. Sections are added in order until `maxChars` would be
 * exceeded; then a visible truncation note ends the report.
 */
export function renderMarkdownReport(report: DiagnoseReport, options: MarkdownReportOptions = {}): string {
  const budget = options.maxChars ?? DEFAULT_MAX_CHARS;
  const sections = report.runs.flatMap((d) => runSections(d, options));
  if (report.runs.length === 0) sections.push(M.noRuns);
  if (report.issues.length > 0) {
    sections.push([`#### ${M.sections.issues}`, "", ...report.issues.map((i) => `- ${ICON[i.severity]} \`${i.code}\`: ${i.message}${i.location?.file !== undefined ? ` (\`${i.location.file}\`)` : ""}`)].join("\n"));
  }
  const reserve = M.truncated(sections.length, sections.length).length + 4;
  const kept: string[] = [];
  let used = 0;
  for (const s of sections) {
    if (used + s.length + 2 > budget - reserve) break;
    kept.push(s);
    used += s.length + 2;
  }
  if (kept.length < sections.length) kept.push(M.truncated(kept.length, sections.length));
  return `${kept.join("\n\n")}\n`;
}
