import type { TopLevelSpec } from "vega-lite";
import { isFiniteValue } from "./finite.js";
import type { Finding } from "../domain/finding.js";
import type { TrainingRun } from "../domain/run.js";
import type { Series } from "../domain/series.js";
import { chartMessages } from "./messages.js";
import type { Annotation } from "./specs/annotations.js";
import { buildComparisonSpec, type ComparisonOptions } from "./specs/comparison-chart.js";
import { buildCurveSpec } from "./specs/curve-chart.js";
import { resolveChartOptions, type ChartOptions } from "./specs/options.js";
import { buildReproSpec, type ReproChartOptions, type ReproCurvePoint } from "./specs/repro-chart.js";
import { drawable, groupMetrics, slugify } from "./specs/series-groups.js";

export type { ReproCurvePoint } from "./specs/repro-chart.js";
export type { ChartOptions } from "./specs/options.js";

/** A chart ready to render: `id` is stable and file-name safe (`loss`, `metric-accuracy`, ...). */
export interface ChartSpec {
  id: string;
  title: string;
  spec: TopLevelSpec;
}

/** Series roles drawn on the loss chart. */
const LOSS_ROLES = new Set(["train-loss", "val-loss"]);
/** At most this many series on the fallback chart of a run with neither losses nor metrics. */
const MAX_OTHER_SERIES = 4;

/**
 * The charts of one run (pure): `loss` (train and validation losses, learning rate on a right axis,
 * findings on the curves), one `metric-<name>` chart per quality metric (up to `maxMetricCharts`),
 * `grad-norm` when logged; a fallback `other` chart when the run has neither losses nor metrics.
 */
export function buildRunCharts(run: TrainingRun, findings: Finding[], options?: Partial<ChartOptions>): ChartSpec[] {
  const o = resolveChartOptions(options);
  const series = drawable(run.series);
  const charts: ChartSpec[] = [];
  const losses = series.filter((s) => LOSS_ROLES.has(s.role));
  const lr = series.find((s) => s.role === "learning-rate");
  if (losses.length > 0) {
    const title = chartMessages.lossTitle(run.name);
    const input = { title, series: losses, findings, yTitle: chartMessages.lossAxis(), ...(lr === undefined ? {} : { learningRate: lr }) };
    charts.push({ id: "loss", title, spec: buildCurveSpec(input, o) });
  }
  for (const group of groupMetrics(series).slice(0, o.maxMetricCharts)) {
    const title = chartMessages.metricTitle(group.name, run.name);
    const direction = group.series[0]?.direction ?? "unknown";
    const input = { title, series: group.series, findings, yTitle: chartMessages.metricAxis(group.name, direction), extra: bestAnnotations(group.series) };
    charts.push({ id: `metric-${slugify(group.name)}`, title, spec: buildCurveSpec(input, o) });
  }
  const grad = series.filter((s) => s.role === "grad-norm");
  if (grad.length > 0) {
    const title = `${grad[0]?.tag ?? "grad_norm"} — ${run.name}`;
    charts.push({ id: "grad-norm", title, spec: buildCurveSpec({ title, series: grad, findings, yTitle: "gradient norm" }, o) });
  }
  if (charts.length === 0) {
    const others = series.filter((s) => s.role === "other" || s.role === "learning-rate").slice(0, MAX_OTHER_SERIES);
    if (others.length > 0) {
      const title = chartMessages.otherTitle(run.name);
      charts.push({ id: "other", title, spec: buildCurveSpec({ title, series: others, findings, yTitle: "value" }, o) });
    }
  }
  return charts;
}

/** A point at the best value of the validation series (or of all series when none is validation). */
function bestAnnotations(series: readonly Series[]): Annotation[] {
  const val = series.filter((s) => s.role === "val-metric");
  const out: Annotation[] = [];
  for (const s of val.length > 0 ? val : series) {
    if (s.direction === "unknown") continue;
    let best = -1;
    s.values.forEach((v, i) => {
      if (!isFiniteValue(v)) return;
      const current = s.values[best];
      if (best < 0 || current === undefined || (s.direction === "higher" ? v > current : v < current)) best = i;
    });
    const value = s.values[best];
    const step = s.steps[best];
    if (best >= 0 && value !== undefined && step !== undefined) {
      out.push({ kind: "point", at: step, value, label: chartMessages.best(value), severity: "info", tag: s.tag });
    }
  }
  return out;
}

/**
 * Base vs head loss curves in one chart, coloured by revision (as `dvc plots diff`), one dash style
 * per series. Null when the two runs share no loss series.
 */
export function buildComparisonChart(base: TrainingRun, head: TrainingRun, options?: Partial<ComparisonOptions>): ChartSpec | null {
  const spec = buildComparisonSpec(base, head, options);
  return spec === null ? null : { id: "comparison", title: spec.title, spec: spec.spec };
}

/** Reproduction curves: per arm the median loss over seeds with an interquartile band. */
export function buildReproChart(points: ReproCurvePoint[], options?: Partial<ReproChartOptions>): ChartSpec {
  const title = chartMessages.reproTitle();
  return { id: "repro", title, spec: buildReproSpec(points, options) };
}
