import type { Finding } from "../domain/finding.js";
import { isFiniteValue } from "./finite.js";
import type { TrainingRun } from "../domain/run.js";
import type { Series } from "../domain/series.js";
import { chartMessages, findingLabel } from "./messages.js";
import { chooseYScale } from "./specs/scale.js";
import { firstNonFinite, widen, type ValueExtent } from "./specs/series-table.js";
import { groupMetrics } from "./specs/series-groups.js";
import { unitOf } from "./specs/curve-chart.js";
import { DEFAULT_CHART_OPTIONS } from "./specs/options.js";
import { maxOf, minOf } from "../domain/extremes.js";

/** Defaults of the Mermaid rendering. */
export const MERMAID_DEFAULTS = {
  /**
   * Point budget per line: up to this many distinct steps are plotted as they are; above it, each line
   * is averaged into this many equal step buckets (GitHub renders the chart ~700 px wide).
   */
  buckets: 40,
  /** Lines per chart (xychart-beta has no legend; colours are named in the title). */
  maxLines: 4,
  /** Relative tolerance when deciding that steps are evenly spaced (a numeric x axis is then exact). */
  evenSpacingTolerance: 1e-6,
} as const;

/** Line colours, in the order xychart-beta uses them, with the names used in the title. */
const COLORS = [
  ["#4c78a8", "blue"],
  ["#f58518", "orange"],
  ["#54a24b", "green"],
  ["#e45756", "red"],
] as const;

/**
 * A ```mermaid xychart-beta block of the run's loss curves (or its first metric when it logs no
 * loss), for markdown where no image can be served. xychart-beta places a line's points evenly between
 * the x axis' ends, so the points must be the real steps: up to the budget, every logged step is a point
 * (a numeric axis when the steps are evenly spaced, else one category per step); above it, each line is
 * averaged into equal step buckets plotted at their centres, and the axis title says so. A log10 axis is
 * used when the values span decades. Pure; returns "" when there is nothing to draw.
 */
export function renderMermaidChart(run: TrainingRun, findings: Finding[]): string {
  const losses = run.series.filter((s) => s.role === "train-loss" || s.role === "val-loss");
  const group = losses.length > 0 ? losses : (groupMetrics(run.series)[0]?.series ?? []);
  const series = group.filter((s) => s.values.some((v) => isFiniteValue(v))).slice(0, MERMAID_DEFAULTS.maxLines);
  if (series.length === 0) return "";
  const { xAxis, lines } = plotPoints(series, unitOf(series));
  let extent: ValueExtent | null = null;
  for (const line of lines) for (const v of line) extent = widen(extent, v);
  const log = chooseYScale(extent, DEFAULT_CHART_OPTIONS.logScaleMinRatio) === "log";
  const plotted = log ? lines.map((line) => line.map((v) => Math.log10(v))) : lines;
  const [yMin, yMax] = valueRange(plotted);
  const yName = losses.length > 0 ? chartMessages.lossAxis() : (series[0]?.tag ?? "value");
  const legend = series.map((s, i) => `${COLORS[i]?.[1] ?? "grey"}: ${s.tag}`).join(", ");
  const notes = noteOf(series, findings);
  const title = `${losses.length > 0 ? chartMessages.lossTitle(run.name) : chartMessages.metricTitle(yName, run.name)} (${legend})${notes}`;
  const palette = series.map((_, i) => COLORS[i]?.[0] ?? "#888888").join(", ");
  return [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    "xychart-beta",
    `  title "${quote(title)}"`,
    `  x-axis ${xAxis}`,
    `  y-axis "${quote(log ? `log10(${yName})` : yName)}" ${fmt(yMin)} --> ${fmt(yMax)}`,
    ...plotted.map((line) => `  line [${line.map(fmt).join(", ")}]`),
    "```",
  ].join("\n");
}

/** The x axis declaration and one value per x position for each series (see renderMermaidChart). */
export function plotPoints(series: readonly Series[], unit: string, budget: number = MERMAID_DEFAULTS.buckets): { xAxis: string; lines: number[][] } {
  const steps = unionSteps(series);
  if (steps.length <= budget) {
    const lines = series.map((s) => valuesAt(s, steps));
    const first = steps[0] ?? 0;
    const last = steps[steps.length - 1] ?? first;
    const axis = steps.length > 1 && evenlySpaced(steps) ? `"${unit}" ${fmt(first)} --> ${fmt(last)}` : `"${unit}" [${steps.map(fmt).join(", ")}]`;
    return { xAxis: axis, lines };
  }
  const [lo, hi] = stepRange(series);
  const width = (hi - lo) / budget;
  const lines = series.map((s) => resample(s, lo, hi, budget));
  return { xAxis: `"${quote(chartMessages.mermaidBucketAxis(unit, budget, fmt(width)))}" ${fmt(lo + width / 2)} --> ${fmt(hi - width / 2)}`, lines };
}

/** Sorted distinct steps of all series. */
function unionSteps(series: readonly Series[]): number[] {
  const all = new Set<number>();
  for (const s of series) for (const step of s.steps) all.add(step);
  return [...all].sort((a, b) => a - b);
}

function evenlySpaced(steps: readonly number[]): boolean {
  const first = steps[0] ?? 0;
  const gap = ((steps[steps.length - 1] ?? first) - first) / (steps.length - 1);
  const tolerance = Math.abs(gap) * MERMAID_DEFAULTS.evenSpacingTolerance;
  return steps.every((step, i) => Math.abs(step - (first + i * gap)) <= tolerance);
}

/** The series' value at each of `steps` (the last finite one logged at that step); gaps interpolated. */
function valuesAt(series: Series, steps: readonly number[]): number[] {
  const byStep = new Map<number, number>();
  series.steps.forEach((step, i) => {
    const v = series.values[i] ?? Number.NaN;
    if (isFiniteValue(v)) byStep.set(step, v);
  });
  return fillGaps(steps.map((step) => byStep.get(step) ?? Number.NaN));
}

function stepRange(series: readonly Series[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    lo = Math.min(lo, s.steps[0] ?? lo);
    hi = Math.max(hi, s.steps[s.steps.length - 1] ?? hi);
  }
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/** Means of the finite values in `count` equal step buckets; empty buckets are interpolated linearly (edges: nearest). */
export function resample(series: Series, lo: number, hi: number, count: number): number[] {
  const sums = new Float64Array(count);
  const counts = new Uint32Array(count);
  for (let i = 0; i < series.values.length; i++) {
    const v = series.values[i] ?? Number.NaN;
    if (!isFiniteValue(v)) continue;
    const b = Math.min(count - 1, Math.floor((((series.steps[i] ?? lo) - lo) / (hi - lo)) * count));
    sums[b] = (sums[b] ?? 0) + v;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  const out = Array.from({ length: count }, (_, b) => ((counts[b] ?? 0) > 0 ? (sums[b] ?? 0) / (counts[b] ?? 1) : Number.NaN));
  return fillGaps(out);
}

function fillGaps(values: number[]): number[] {
  const known = values.flatMap((v, i) => (isFiniteValue(v) ? [i] : []));
  if (known.length === 0) return values.map(() => 0);
  let k = 0;
  return values.map((v, i) => {
    if (isFiniteValue(v)) return v;
    while (k < known.length - 1 && (known[k + 1] ?? 0) < i) k++;
    const a = known[k] ?? 0;
    const b = known[k + 1];
    const va = values[a] ?? 0;
    if (i < a || b === undefined) return va;
    const vb = values[b] ?? va;
    return va + ((vb - va) * (i - a)) / (b - a);
  });
}

function valueRange(lines: readonly number[][]): [number, number] {
  const all = lines.flat().filter((v) => isFiniteValue(v));
  const min = minOf(all);
  const max = maxOf(all);
  const pad = max > min ? (max - min) * 0.05 : Math.abs(max) * 0.1 || 1;
  return [min >= 0 && min - pad < 0 ? 0 : min - pad, max + pad];
}

/** " — NaN at step 120; overfitting" style note: non-finite values first, then finding labels. */
function noteOf(series: readonly Series[], findings: readonly Finding[]): string {
  const unit = unitOf(series);
  const notes = series.flatMap((s) => {
    const bad = firstNonFinite(s);
    return bad === null ? [] : [chartMessages.nonFinite(bad.kind, bad.step, unit)];
  });
  const tags = new Set(series.map((s) => s.tag));
  for (const f of findings) if (tags.has(f.series) && f.id !== "non-finite") notes.push(findingLabel(f.id, f.evidence));
  const unique = [...new Set(notes)].slice(0, 3);
  return unique.length === 0 ? "" : ` — ${unique.join("; ")}`;
}

function fmt(value: number): string {
  if (!isFiniteValue(value)) return "0";
  return String(Number(value.toPrecision(4)));
}

function quote(text: string): string {
  return text.replace(/"/g, "'").replace(/[\r\n]+/g, " ");
}
