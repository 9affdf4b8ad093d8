import type { RunDiagnosis } from "../diagnose/diagnose.js";
import { CAUSE_INFO } from "../diagnose/cause-messages.js";
import type { Severity } from "../domain/severity.js";
import { SEVERITY_RANK } from "../domain/severity.js";
import { reportMessages } from "./messages.js";
import { maxOf } from "../domain/extremes.js";

/** Without a warning finding, a cause scoring at least this is named in the (still healthy) verdict. */
export const CONFIG_RISK_SCORE = 0.5;

/** Curves shorter than this (loss and metric series) are too short to call healthy. */
export const MIN_DIAGNOSABLE_POINTS = 5;

/** Overall state of a run. */
export type RunStatus = "healthy" | "warning" | "error" | "no-data";

export interface Verdict {
  status: RunStatus;
  /** One line a person reads first. */
  headline: string;
}

/** Most severe finding level of a run, if any at warning or above. */
export function worstSeverity(diagnosis: RunDiagnosis): Severity | null {
  let worst: Severity | null = null;
  for (const f of diagnosis.findings) if (worst === null || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** Title of a cause id (the id itself when unknown). */
export function causeTitle(id: string): string {
  return CAUSE_INFO[id]?.title ?? id;
}

/** One-line verdict: the worst finding and the most likely cause, or "healthy". */
export function verdictOf(diagnosis: RunDiagnosis): Verdict {
  const curves = diagnosis.run.series.filter((s) => s.values.length > 0 && (s.role === "train-loss" || s.role === "val-loss" || s.role === "train-metric" || s.role === "val-metric"));
  if (curves.length === 0) return { status: "no-data", headline: reportMessages.noData };
  const worst = worstSeverity(diagnosis);
  const problems = diagnosis.findings.filter((f) => f.severity !== "info");
  const top = problems[0];
  const cause = diagnosis.causes[0];
  if (worst === null || worst === "info" || top === undefined) {
    const longest = maxOf(curves.map((s) => s.values.length));
    if (longest < MIN_DIAGNOSABLE_POINTS) return { status: "no-data", headline: reportMessages.tooShort(longest, MIN_DIAGNOSABLE_POINTS) };
    if (cause !== undefined && cause.score >= CONFIG_RISK_SCORE) return { status: "healthy", headline: reportMessages.configRisk(causeTitle(cause.id), cause.score) };
    return { status: "healthy", headline: reportMessages.healthy(diagnosis.findings.length) };
  }
  const headline = cause === undefined ? top.message : reportMessages.problemWithCause(top.message, causeTitle(cause.id), cause.score);
  return { status: worst, headline };
}
