import type { RecommendationCode } from "../domain/finding.js";
import type { Framework, TrainingRun } from "../domain/run.js";
import type { Series } from "../domain/series.js";
import { formatNumber } from "../diagnose/format-number.js";

/** Series shown in reports, most important roles first, at most `limit`. */
export function reportSeries(run: TrainingRun, limit: number): Series[] {
  const order = ["train-loss", "val-loss", "val-metric", "train-metric", "learning-rate", "grad-norm"];
  return run.series
    .filter((s) => order.includes(s.role) && s.values.length > 0)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .slice(0, limit);
}

/** First/last/min/max of a series, NaN-aware. */
export function seriesSummary(series: Series): { first: number; last: number; min: number; max: number; points: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of series.values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = series.values.length;
  return { first: series.values[0] ?? Number.NaN, last: series.values[n - 1] ?? Number.NaN, min, max, points: n };
}

/** Steps range as text: "epochs 3–12" or "steps 100–2k". */
export function stepRange(series: Series | undefined, from: number, to: number): string {
  const unit = series?.stepUnit === "epoch" ? "epochs" : "steps";
  return from === to ? `${unit.slice(0, -1)} ${formatNumber(from)}` : `${unit} ${formatNumber(from)}–${formatNumber(to)}`;
}

/** Code snippets in display order: the run's framework first. */
export function orderedCode(code: RecommendationCode, framework: Framework): { label: string; code: string }[] {
  const keras = { label: "Keras", code: code.keras };
  const torch = { label: framework === "huggingface" ? "PyTorch / Hugging Face" : "PyTorch", code: code.pytorch };
  return framework === "keras" || framework === "tensorflow" ? [keras, torch] : [torch, keras];
}

/** "current → proposed" for a recommendation. */
export function change(parameter: string, current: string | null, proposed: string): string {
  return current === null ? `${parameter} → ${proposed}` : `${parameter}: ${current} → ${proposed}`;
}

/** Score as a percentage, capped at 99 %: a ranked hypothesis is never certain. */
export function formatScore(score: number): string {
  return `${Math.min(99, Math.round(score * 100))}%`;
}

/**
 * The run's name when the source path alone does not tell the run: a file that holds several runs (a
 * W&B export with one column group per run) or a directory of flattened event files gives each run
 * its own name; null when the name is the path's own tail (`healthy/metrics` of `…/healthy/metrics.csv`).
 */
export function distinctRunName(run: TrainingRun): string | null {
  const path = run.source.path.replace(/\\/g, "/").replace(/!/g, "/").replace(/\/+$/, "");
  const tails = [path, path.replace(/\.[^./]*$/, "")];
  return tails.some((t) => t === run.name || t.endsWith(`/${run.name}`)) ? null : run.name;
}
