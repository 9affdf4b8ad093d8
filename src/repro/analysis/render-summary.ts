import type { ExperimentAnalysis, InterventionResult } from "./analyze.js";
import { METRIC_LABELS } from "./messages.js";

/** What the summary needs besides the analysis (structurally part of ExperimentResult). */
export interface SummaryContext {
  name: string;
  backend: string;
  seeds: number;
  durationMs: number;
  assumptions: string[];
  notes: string[];
  /** Faster backends that could not be loaded (shown so users know why they got wasm or cpu). */
  skippedBackends?: { backend: string; reason: string }[];
  /** Runs that failed or were cut, with the reason (first of each distinct error is shown). */
  incomplete?: { arm: string; seed: number; status: string; error?: string }[];
}

function incompleteLines(runs: NonNullable<SummaryContext["incomplete"]>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const r of runs) {
    const what = r.error === undefined ? r.status : `${r.status}: ${r.error}`;
    if (seen.has(what)) continue;
    seen.add(what);
    const count = runs.filter((x) => (x.error === undefined ? x.status : `${x.status}: ${x.error}`) === what).length;
    lines.push(`  ${count} run${count === 1 ? "" : "s"} ${what} (first: ${r.arm} seed ${r.seed})`);
  }
  return lines;
}

const ICONS: Readonly<Record<InterventionResult["verdict"], string>> = { confirmed: "✔", "not-confirmed": "✘", inconclusive: "?" };

function num(value: number): string {
  if (Number.isNaN(value)) return "–";
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(2) : value.toPrecision(3);
}

function pText(p: number): string {
  return Number.isNaN(p) ? "p n/a" : p < 0.001 ? "p<0.001" : `p=${p.toFixed(3)}`;
}

/** A readable plain-text summary of an experiment (the CLI prints it; pure). */
export function renderReproSummary(analysis: ExperimentAnalysis, ctx: SummaryContext): string {
  const lines = [`Repro experiment "${ctx.name}": ${analysis.arms.length} arms × ${ctx.seeds} seeds on ${ctx.backend} in ${(ctx.durationMs / 1000).toFixed(1)} s`, ""];
  lines.push("Arms (medians across seeds):");
  for (const arm of analysis.arms) {
    const symptoms = Object.entries(arm.symptoms).map(([id, n]) => `${id}×${n}`).join(", ") || "none";
    lines.push(`  ${arm.id.padEnd(22)} final loss ${num(arm.medianFinalLoss).padStart(9)}  val ${num(arm.medianFinalValLoss).padStart(9)}  step noise ${num(arm.medianStepNoise).padStart(8)}  symptom rate ${Math.round(arm.symptomRate * 100)}%  (${symptoms})`);
  }
  lines.push("", `Interventions vs ${analysis.baseline}:`);
  if (analysis.interventions.length === 0) lines.push("  (none: the plan has only a baseline)");
  for (const i of analysis.interventions) {
    lines.push(`  ${ICONS[i.verdict]} ${i.id.padEnd(22)} ${i.verdict.padEnd(13)} ${pText(i.pValue).padEnd(9)} effect g=${num(i.effect)}  ${METRIC_LABELS[i.metric]} ×${num(i.ratio)}`);
    lines.push(`      ${i.reason}`);
  }
  lines.push(...incompleteLines(ctx.incomplete ?? []));
  for (const a of ctx.assumptions) lines.push(`  assumed: ${a}`);
  for (const n of ctx.notes) lines.push(`  note: ${n}`);
  const skipped = ctx.skippedBackends ?? [];
  if (skipped.length > 0) lines.push(`  backend: ${ctx.backend} (not available: ${skipped.map((s) => s.backend).join(", ")})`);
  return `${lines.join("\n")}\n`;
}
