import type { Finding } from "../../domain/finding.js";
import type { Series, StepUnit } from "../../domain/series.js";
import type { Severity } from "../../domain/severity.js";
import { lowerBound } from "../downsample.js";
import { isFiniteValue } from "../finite.js";
import { chartMessages, findingLabel } from "../messages.js";
import type { NonFinitePoint } from "./series-table.js";

/** Something drawn on a curve to show a finding. Steps are in the chart's x units. */
export type Annotation =
  | { kind: "range"; from: number; to: number; label: string; severity: Severity; tag: string }
  | { kind: "rule"; at: number; label: string; severity: Severity; tag: string }
  | { kind: "point"; at: number; value: number; label: string; severity: Severity; tag: string }
  | { kind: "level"; value: number; label: string; severity: Severity; tag: string };

type Builder = (finding: Finding, series: Series) => Annotation[];

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function rangeOrRule(from: number, to: number, label: string, f: Finding): Annotation {
  return to > from
    ? { kind: "range", from, to, label, severity: f.severity, tag: f.series }
    : { kind: "rule", at: from, label, severity: f.severity, tag: f.series };
}

const spanOf = (f: Finding): Annotation[] => [rangeOrRule(f.fromStep, f.toStep, findingLabel(f.id, f.evidence), f)];

/** How each detector's finding is drawn; unknown detectors get a range (or a rule when it is one step). */
const BUILDERS: Readonly<Record<string, Builder>> = {
  "non-finite": (f) => [{ kind: "rule", at: num(f.evidence["firstStep"]) ?? f.fromStep, label: findingLabel(f.id, f.evidence), severity: f.severity, tag: f.series }],
  // A metric that is never finite has no curve to draw on; the finding is in the report, not the chart.
  "never-finite": () => [],
  divergence: (f, s) => {
    const start = num(f.evidence["startStep"]) ?? f.fromStep;
    return [rangeOrRule(start, peakStep(s, start, f.toStep), findingLabel(f.id, f.evidence), f)];
  },
  plateau: (f) => {
    const chance = num(f.evidence["chanceLevel"]);
    const level: Annotation[] = f.evidence["atChance"] === true && chance !== null
      ? [{ kind: "level", value: chance, label: chartMessages.chance(), severity: f.severity, tag: f.series }]
      : [];
    return [...spanOf(f), ...level];
  },
  overfitting: (f) => {
    const bestStep = num(f.evidence["bestStep"]) ?? f.fromStep;
    const bestValue = num(f.evidence["bestValue"]);
    const best: Annotation[] = bestValue === null
      ? []
      : [{ kind: "point", at: bestStep, value: bestValue, label: chartMessages.bestVal(), severity: "info", tag: f.series }];
    return [rangeOrRule(bestStep, f.toStep, findingLabel(f.id, f.evidence), f), ...best];
  },
  // The largest spike carries the label; with several, the first and last (the finding's range) are
  // marked too, so the tallest raw peak never goes unmarked beside a labelled smaller one.
  spikes: (f, s) => {
    const largest = num(f.evidence["largestStep"]) ?? f.fromStep;
    const label = findingLabel(f.id, f.evidence);
    const ends = (num(f.evidence["count"]) ?? 1) > 1 ? [f.fromStep, f.toStep] : [];
    return [...new Set([largest, ...ends])].map((at): Annotation => {
      const text = at === largest ? label : "";
      const value = valueAt(s, at);
      return value === null ? { kind: "rule", at, label: text, severity: f.severity, tag: f.series } : { kind: "point", at, value, label: text, severity: f.severity, tag: f.series };
    });
  },
};

/**
 * Step of the largest finite value in [from, to]: a divergence is shaded up to its peak, not to the end
 * of the run (an explosion the run recovered from must not tint the healthy part).
 */
export function peakStep(series: Series, from: number, to: number): number {
  let best = from;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = lowerBound(series.steps, from); i < series.steps.length && (series.steps[i] ?? to) <= to; i++) {
    const v = series.values[i];
    if (isFiniteValue(v) && v > bestValue) {
      bestValue = v;
      best = series.steps[i] ?? from;
    }
  }
  return best;
}

/** The finite value logged at `step` (first point at or after it), or null. */
export function valueAt(series: Series, step: number): number | null {
  const i = lowerBound(series.steps, step);
  const v = series.values[i];
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/**
 * Annotations for the findings about the drawn series, plus a rule at the first non-finite value of
 * each series (computed from the data, so it is there even when no detector ran; a `non-finite`
 * finding for the same series is then not drawn twice).
 */
export function buildAnnotations(findings: readonly Finding[], series: readonly Series[], nonFinite: readonly NonFinitePoint[], unit: StepUnit): Annotation[] {
  const byTag = new Map(series.map((s) => [s.tag, s]));
  const broken = new Set(findings.filter((f) => f.id === "never-finite").map((f) => f.series));
  const out: Annotation[] = nonFinite.filter((p) => !broken.has(p.tag)).flatMap((p): Annotation[] => {
    const rule: Annotation = { kind: "rule", at: p.step, label: chartMessages.nonFinite(p.kind, p.step, unit), severity: "error", tag: p.tag };
    if (p.deadUntil === null || p.deadUntil <= p.step) return [rule];
    return [rule, { kind: "range", from: p.step, to: p.deadUntil, label: chartMessages.nonFiniteToEnd(), severity: "error", tag: p.tag }];
  });
  const marked = new Set(nonFinite.map((p) => p.tag));
  for (const finding of findings) {
    const s = byTag.get(finding.series);
    if (s === undefined) continue;
    if (finding.id === "non-finite" && marked.has(finding.series)) continue;
    const build = BUILDERS[finding.id] ?? spanOf;
    out.push(...build(finding, s));
  }
  return out;
}

/** Steps the downsampler must keep per tag so the annotations sit on drawn points. */
export function findingSteps(findings: readonly Finding[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const f of findings) {
    const steps = [f.fromStep, f.toStep, num(f.evidence["largestStep"]), num(f.evidence["bestStep"]), num(f.evidence["startStep"])];
    const list = out.get(f.series) ?? [];
    for (const step of steps) if (step !== null) list.push(step);
    out.set(f.series, list);
  }
  return out;
}
