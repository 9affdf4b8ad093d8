import type { StepUnit } from "../domain/series.js";

/** User-visible chart text: titles, axis titles and the short labels drawn on curves. */
export const chartMessages = {
  lossTitle: (run: string) => `Loss — ${run}`,
  metricTitle: (metric: string, run: string) => `${metric} — ${run}`,
  otherTitle: (run: string) => `Logged values — ${run}`,
  comparisonTitle: (base: string, head: string) => `Loss: ${base} vs ${head}`,
  reproTitle: () => "Reproduction: loss per arm",
  reproSubtitle: (seeds: number) => `median over ${seeds} seed${seeds === 1 ? "" : "s"}, band = interquartile range`,
  lossAxis: () => "loss",
  metricAxis: (metric: string, direction: "lower" | "higher" | "unknown") =>
    direction === "higher" ? `${metric} (higher is better)` : direction === "lower" ? `${metric} (lower is better)` : metric,
  stepAxis: (unit: StepUnit) => unit,
  /** Mermaid x axis when each point is the mean of a bucket of steps. */
  mermaidBucketAxis: (unit: string, buckets: number, width: string) => `${unit} (${buckets} bucket means, ${width} ${unit}s each)`,
  learningRateAxis: () => "learning rate",
  learningRateLegend: (tag: string) => `${tag} (right axis)`,
  smoothingNote: (logSpace = false) => (logSpace ? "faint: raw, strong: smoothed (debiased EMA of log values)" : "faint: raw, strong: smoothed (debiased EMA)"),
  nonFinite: (kind: "nan" | "inf", step: number, unit: StepUnit) => `${kind === "nan" ? "NaN" : "Inf"} at ${unit} ${formatStepLabel(step)}`,
  nonFiniteToEnd: () => "no finite value after this",
  /** Subtitle item for the series with no finite value: they have no line and are left out of the legend. */
  notDrawn: (tags: readonly string[]) => `not drawn, no finite values: ${tags.join(", ")}`,
  best: (value: number) => `best ${formatShort(value)}`,
  bestVal: () => "best val",
  chance: () => "chance",
} as const;

/** Short labels drawn on a curve for each detector id; unknown ids use their id. */
export const FINDING_LABELS: Readonly<Record<string, (evidence: Record<string, unknown>) => string>> = {
  "non-finite": (e) => (e["kind"] === "inf" ? "Inf" : "NaN"),
  "never-finite": () => "never finite",
  divergence: (e) => (e["explosive"] === true ? "exploding" : "diverging"),
  oscillation: () => "oscillating",
  spikes: (e) => (typeof e["count"] === "number" && e["count"] > 1 ? `${e["count"]} spikes` : "spike"),
  plateau: (e) => (e["atChance"] === true ? "stuck at chance" : "plateau"),
  "slow-convergence": () => "slow convergence",
  overfitting: () => "overfitting",
  "val-below-train": () => "val < train",
  noisy: () => "noisy",
  "epoch-sawtooth": () => "per-epoch sawtooth",
  // The peak over the level before: the height the chart shows, as the finding's message says it.
  "loss-jump": (e) => (typeof e["peak"] === "number" && typeof e["before"] === "number" && e["before"] > 0 ? `jumped ${formatShort(e["peak"] / e["before"])}×` : "loss jump"),
  "metric-stuck": () => "stuck at chance",
};

/** Label of a finding on the curve. */
export function findingLabel(id: string, evidence: Record<string, unknown>): string {
  const label = FINDING_LABELS[id];
  return label === undefined ? id : label(evidence);
}

/** A step for a label: integers plain, fractions with 2 decimals. */
export function formatStepLabel(step: number): string {
  return Number.isInteger(step) ? String(step) : step.toFixed(2);
}

/** A value for a label: 3 significant digits. */
export function formatShort(value: number): string {
  return String(Number(value.toPrecision(3)));
}
