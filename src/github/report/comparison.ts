import type { Severity } from "../../domain/severity.js";
import type { DiagnosisSummary, FindingSummary, RunSummary } from "../analyze/summary.js";
import { reportMessages } from "./messages.js";

/** How one finding differs between the base branch's latest diagnosis and the head. */
export interface ComparisonLine {
  change: "new" | "fixed" | "persisting" | "severity";
  run: string;
  finding: FindingSummary;
  /** The base's severity, for `severity` (same run file, series and detector; severity changed). */
  before?: Severity;
}

/** Head-vs-base comparison: per-finding lines of the paired runs, and the head runs the base never diagnosed. */
export interface BaseComparison {
  lines: ComparisonLine[];
  /** Head runs whose log (run source) has no diagnosis on the base: nothing to compare them with. */
  unpaired: { run: string; source: string }[];
}

/** Findings are the same when they come from the same detector on the same series (of the same run file). */
const findingKey = (f: FindingSummary): string => `${f.id}|${f.series}`;

function compareRun(h: RunSummary, b: RunSummary): ComparisonLine[] {
  const baseByKey = new Map(b.findings.map((f) => [findingKey(f), f]));
  const headKeys = new Set(h.findings.map(findingKey));
  const lines: ComparisonLine[] = [];
  for (const f of h.findings) {
    const before = baseByKey.get(findingKey(f));
    if (before === undefined) lines.push({ change: "new", run: h.name, finding: f });
    else if (before.severity !== f.severity) lines.push({ change: "severity", run: h.name, finding: f, before: before.severity });
    else lines.push({ change: "persisting", run: h.name, finding: f });
  }
  for (const f of b.findings) if (!headKeys.has(findingKey(f))) lines.push({ change: "fixed", run: h.name, finding: f });
  return lines;
}

/**
 * Compares head findings with the base's (pure). Runs are paired by their source (the log's path), never
 * by position or display name: a finding in another file is not "the same finding". Within a pair,
 * findings match by detector id + series; a changed severity is reported as such.
 */
export function compareWithBase(head: DiagnosisSummary, base: DiagnosisSummary): BaseComparison {
  const lines: ComparisonLine[] = [];
  const unpaired: BaseComparison["unpaired"] = [];
  for (const h of head.runs) {
    const b = base.runs.find((r) => r.source === h.source);
    if (b === undefined) unpaired.push({ run: h.name, source: h.source });
    else lines.push(...compareRun(h, b));
  }
  return { lines, unpaired };
}

function renderLine(l: ComparisonLine, baseRef: string): string {
  if (l.change === "new") return `- ${reportMessages.newOnHead(l.run, l.finding, baseRef)}`;
  if (l.change === "fixed") return `- ${reportMessages.fixedOnHead(l.run, l.finding, baseRef)}`;
  return `- ${reportMessages.severityChanged(l.run, l.finding, l.before ?? l.finding.severity, baseRef)}`;
}

/** Markdown section "Compared with <base>", or a line saying there is nothing (or nothing new) to compare with. */
export function renderComparison(comparison: BaseComparison | null, baseRef: string): string {
  if (comparison === null) return `${reportMessages.noBaseDiagnosis(baseRef)}\n`;
  const changed = comparison.lines.filter((l) => l.change !== "persisting");
  const rows = [
    ...changed.map((l) => renderLine(l, baseRef)),
    ...comparison.unpaired.map((u) => `- ${reportMessages.notOnBase(u.run, u.source, baseRef)}`),
  ];
  if (rows.length === 0) return `${reportMessages.sameAsBase(baseRef)}\n`;
  return `**Compared with \`${baseRef}\`**\n\n${rows.join("\n")}\n`;
}
