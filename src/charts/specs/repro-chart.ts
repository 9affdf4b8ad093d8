import type { TopLevelSpec } from "vega-lite";
import { chartMessages } from "../messages.js";
import { themeConfig, themePalette } from "../theme.js";
import { annotationLayers } from "./annotation-layers.js";
import type { Annotation } from "./annotations.js";
import { csvData, formatStep, formatValue, labelLookup } from "./csv.js";
import { chooseYScale, yScale } from "./scale.js";
import { widen, type ValueExtent } from "./series-table.js";
import { DEFAULT_CHART_OPTIONS } from "./options.js";
import type { ChartTheme } from "../theme.js";

/** One logged loss of one seed of one experiment arm. */
export interface ReproCurvePoint {
  arm: string;
  seed: number;
  epoch: number;
  loss: number;
}

/** Options of the reproduction chart. */
export interface ReproChartOptions {
  /** Default: `light`. */
  theme: ChartTheme;
  /** Default: 640. */
  width: number;
  /** Default: 300. */
  height: number;
  /** Default: 100 (see ChartOptions). */
  logScaleMinRatio: number;
}

/** Median and interquartile range of one arm at one epoch over its finite seeds. */
export interface ArmEpochSummary {
  arm: string;
  epoch: number;
  median: number;
  q1: number;
  q3: number;
  /** Seeds whose loss was NaN/Inf at this epoch. */
  nonFinite: number;
}

/** Linear-interpolation quantile (type 7, as numpy's default) of sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Per arm (first-seen order) and epoch (ascending): median and quartiles over seeds. */
export function summarizeRepro(points: readonly ReproCurvePoint[]): ArmEpochSummary[] {
  const byArm = new Map<string, Map<number, number[]>>();
  for (const p of points) {
    const epochs = byArm.get(p.arm) ?? new Map<number, number[]>();
    byArm.set(p.arm, epochs);
    epochs.set(p.epoch, [...(epochs.get(p.epoch) ?? []), p.loss]);
  }
  const out: ArmEpochSummary[] = [];
  for (const [arm, epochs] of byArm) {
    for (const epoch of [...epochs.keys()].sort((a, b) => a - b)) {
      const all = epochs.get(epoch) ?? [];
      const finite = all.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
      out.push({ arm, epoch, median: quantile(finite, 0.5), q1: quantile(finite, 0.25), q3: quantile(finite, 0.75), nonFinite: all.length - finite.length });
    }
  }
  return out;
}

/** vega-lite spec: one colour per arm, median line and IQR band; a rule where an arm first went NaN. */
export function buildReproSpec(points: readonly ReproCurvePoint[], partial?: Partial<ReproChartOptions>): TopLevelSpec {
  const o: ReproChartOptions = { theme: DEFAULT_CHART_OPTIONS.theme, width: DEFAULT_CHART_OPTIONS.width, height: DEFAULT_CHART_OPTIONS.height, logScaleMinRatio: DEFAULT_CHART_OPTIONS.logScaleMinRatio, ...partial };
  const palette = themePalette(o.theme);
  const summary = summarizeRepro(points);
  const arms = [...new Set(summary.map((s) => s.arm))];
  const seeds = new Set(points.map((p) => p.seed)).size;
  let extent: ValueExtent | null = null;
  const rows: string[] = [];
  const annotations: Annotation[] = [];
  for (const s of summary) {
    if (s.nonFinite > 0 && !annotations.some((a) => a.tag === s.arm)) {
      annotations.push({ kind: "rule", at: s.epoch, label: `${chartMessages.nonFinite("nan", s.epoch, "epoch")} (${s.arm})`, severity: "error", tag: s.arm });
    }
    if (!Number.isFinite(s.median)) continue;
    for (const v of [s.q1, s.median, s.q3]) extent = widen(extent, v);
    rows.push(`${arms.indexOf(s.arm)},${formatStep(s.epoch)},${formatValue(s.median)},${formatValue(s.q1)},${formatValue(s.q3)}`);
  }
  const x = { field: "x", type: "quantitative" as const, title: chartMessages.stepAxis("epoch") };
  const scale = yScale(chooseYScale(extent, o.logScaleMinRatio));
  const color = { field: "arm", type: "nominal" as const, scale: { domain: arms, range: arms.map((_, i) => palette.series[i % palette.series.length] ?? palette.foreground) }, legend: { title: null, orient: "bottom" as const, symbolType: "stroke" } };
  const lookup = [{ calculate: labelLookup(arms, "a"), as: "arm" }];
  const data = csvData(["a", "x", "m", "lo", "hi"], rows);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: chartMessages.reproTitle(), subtitle: [chartMessages.reproSubtitle(seeds)] },
    width: o.width,
    height: o.height,
    config: themeConfig(o.theme),
    layer: [
      { data, transform: lookup, mark: { type: "area", fillOpacity: 0.18, clip: true }, encoding: { x, y: { field: "lo", type: "quantitative", title: chartMessages.lossAxis(), scale }, y2: { field: "hi" }, color } },
      { data, transform: lookup, mark: { type: "line", strokeWidth: 2, clip: true, point: { size: 16 } }, encoding: { x, y: { field: "m", type: "quantitative", title: chartMessages.lossAxis(), scale }, color } },
      ...annotationLayers(annotations, palette, { xTitle: x.title, yTitle: chartMessages.lossAxis(), stepRange: epochRange(summary), width: o.width }),
    ],
  };
}

function epochRange(summary: readonly ArmEpochSummary[]): [number, number] | null {
  if (summary.length === 0) return null;
  const epochs = summary.map((s) => s.epoch);
  return [Math.min(...epochs), Math.max(...epochs)];
}
