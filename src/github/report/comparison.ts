import type { DiagnosisSummary, FindingSummary, RunSummary } from "../analyze/summary.js";
import { reportMessages } from "./messages.js";

/** How one finding differs between the base branch's latest diagnosis and the head. */
export interface ComparisonLine {
  change: "new" | "fixed" | "persisting";
  run: string;
  finding: FindingSummary;
}

const findingKey = (f: FindingSummary): string => `${f.id}|${f.series}`;

/** Pairs head runs with base runs by name; a lone run on each side is paired regardless of name. */
function pairRuns(head: RunSummary[], base: RunSummary[]): [RunSummary, RunSummary | undefined][] {
  if (head.length === 1 && base.length === 1) return [[head[0]!, base[0]]];
  return head.map((h) => [h, base.find((b) => b.name === h.name)]);
}

/** Compares head findings with the base's (pure): new, fixed and persisting findings per run. */
export function compareWithBase(head: DiagnosisSummary, base: DiagnosisSummary): ComparisonLine[] {
  const lines: ComparisonLine[] = [];
  for (const [h, b] of pairRuns(head.runs, base.runs)) {
    if (b === undefined) continue;
    const baseKeys = new Set(b.findings.map(findingKey));
    const headKeys = new Set(h.findings.map(findingKey));
    for (const f of h.findings) lines.push({ change: baseKeys.has(findingKey(f)) ? "persisting" : "new", run: h.name, finding: f });
    for (const f of b.findings) if (!headKeys.has(findingKey(f))) lines.push({ change: "fixed", run: h.name, finding: f });
  }
  return lines;
}

/** Markdown section "Compared with <base>", or a line saying there is nothing to compare with. */
export function renderComparison(lines: ComparisonLine[] | null, baseRef: string): string {
  if (lines === null) return `${reportMessages.noBaseDiagnosis(baseRef)}\n`;
  const changed = lines.filter((l) => l.change !== "persisting");
  if (changed.length === 0) return `${reportMessages.sameAsBase(baseRef)}\n`;
  const rows = changed.map((l) =>
    l.change === "new" ? `- ${reportMessages.newOnHead(l.run, l.finding, baseRef)}` : `- ${reportMessages.fixedOnHead(l.run, l.finding, baseRef)}`,
  );
  return `**Compared with \`${baseRef}\`**\n\n${rows.join("\n")}\n`;
}
