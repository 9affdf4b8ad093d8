import type { TopLevelSpec } from "vega-lite";
import type { LayerSpec, UnitSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { CalculateTransform } from "vega-lite/types_unstable/transform.js";
import type { Finding } from "../../domain/finding.js";
import type { Series, StepUnit } from "../../domain/series.js";
import { chartMessages } from "../messages.js";
import { themeConfig, themePalette, type ThemePalette } from "../theme.js";
import { annotationLayers } from "./annotation-layers.js";
import { buildAnnotations, findingSteps, type Annotation } from "./annotations.js";
import { labelLookup } from "./csv.js";
import { shareBudget, type ChartOptions } from "./options.js";
import { chooseYScale, LOG_TICK_COUNT, singleValueAxis, yAxisFormat, yScale } from "./scale.js";
import { buildSeriesTable, seriesExtent, type SeriesTable } from "./series-table.js";

type Layer = LayerSpec<Field> | UnitSpec<Field>;

/** What one curve chart shows. */
export interface CurveChartInput {
  title: string;
  /** Series on the left axis, colour by tag. */
  series: Series[];
  /** A learning-rate series drawn dashed on a right axis. */
  learningRate?: Series;
  findings: readonly Finding[];
  yTitle: string;
  /** Extra annotations (best metric values). */
  extra?: Annotation[];
}

/** The x axis unit of a group of series: epochs only when every series is per epoch. */
export function unitOf(series: readonly Series[]): StepUnit {
  return series.length > 0 && series.every((s) => s.stepUnit === "epoch") ? "epoch" : "step";
}

/**
 * A layered line chart: per series a faint raw line and a strong debiased-EMA line (or, for short
 * series, one strong line with points), findings drawn on the curves, and the learning rate on a
 * second axis. Returns a complete vega-lite spec with inline CSV data.
 */
export function buildCurveSpec(input: CurveChartInput, chartOptions: ChartOptions): TopLevelSpec {
  const options = shareBudget(chartOptions, input.series.length + (input.learningRate === undefined ? 0 : 1));
  const palette = themePalette(options.theme);
  const unit = unitOf(input.series);
  const scaleType = chooseYScale(seriesExtent(input.series), options.logScaleMinRatio);
  const table = buildSeriesTable(input.series, { ...options, logSmoothing: scaleType === "log", keepSteps: findingSteps(input.findings) });
  const annotations = [...buildAnnotations(input.findings, input.series, table.nonFinite, unit), ...(input.extra ?? [])];
  const lrLabel = input.learningRate === undefined ? null : chartMessages.learningRateLegend(input.learningRate.tag);
  const undrawn = input.series.filter((s) => !s.values.some(Number.isFinite)).map((s) => s.tag);
  const color = colorEncoding(table.tags, lrLabel, palette, undrawn);
  const axes = { xTitle: chartMessages.stepAxis(unit), yTitle: input.yTitle };
  const main: LayerSpec<Field> = {
    data: table.data,
    layer: [...lineLayers(table, axes, { color }, [{ calculate: labelLookup(table.tags, "i"), as: "series" }], options), ...annotationLayers(annotations, palette, { ...axes, stepRange: table.stepRange, width: options.width })],
  };
  const lr = input.learningRate === undefined || lrLabel === null ? null : learningRateLayer(input.learningRate, lrLabel, axes.xTitle, color, options);
  const subtitle = subtitleLines(annotations, undrawn, table, scaleType === "log", options.width);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: subtitle.length > 0 ? { text: input.title, subtitle } : { text: input.title },
    width: options.width,
    height: options.height,
    config: themeConfig(options.theme),
    layer: lr === null ? [main] : [main, lr],
    ...(lr === null ? {} : { resolve: { scale: { y: "independent" as const } } }),
  };
}

interface ColorDef {
  field: "series";
  type: "nominal";
  scale: { domain: string[]; range: string[] };
  legend: { title: null; orient: "bottom"; columns: number; symbolType: "stroke"; values?: string[] };
}

/**
 * Colours by series label, deterministic; the learning rate (last label when present) is muted.
 * Series in `undrawn` (no finite value, so no line) keep their colour but leave the legend.
 */
function colorEncoding(tags: string[], lrLabel: string | null, palette: ThemePalette, undrawn: readonly string[] = []): ColorDef {
  const labels = lrLabel === null ? tags : [...tags, lrLabel];
  const range = tags.map((_, i) => palette.series[i % palette.series.length] ?? palette.foreground);
  if (lrLabel !== null) range.push(palette.muted);
  const shown = labels.filter((label) => !undrawn.includes(label));
  const legend = { title: null, orient: "bottom" as const, columns: Math.min(shown.length, 3), symbolType: "stroke" as const };
  return { field: "series", type: "nominal", scale: { domain: labels, range }, legend: shown.length < labels.length ? { ...legend, values: shown } : legend };
}

/** Encodings that tell series apart (colour, and a dash style in comparisons). */
export interface SeriesEncodings {
  color: object;
  strokeDash?: object;
}

/**
 * The line layers of a table: faint raw + strong smoothed lines for long series, a strong line with
 * points for short ones, and (interactive) invisible points carrying tooltips and the zoom binding.
 * `lookups` add label columns computed from the table's integer columns. The layers carry no data:
 * the caller puts `table.data` on the enclosing layer (once, not once per layer).
 */
export function lineLayers(table: SeriesTable, axes: { xTitle: string; yTitle: string }, encodings: SeriesEncodings, lookups: CalculateTransform[], options: ChartOptions): Layer[] {
  const steps = table.stepRange;
  const x = { field: "x", type: "quantitative" as const, title: axes.xTitle, axis: { tickCount: 8 }, ...(steps !== null && steps[0] === steps[1] ? singleValueAxis(steps[0]) : {}) };
  const scaleType = chooseYScale(table.extent, options.logScaleMinRatio);
  const extent = table.extent;
  const y = extent !== null && extent.min === extent.max
    ? { field: "y", type: "quantitative" as const, title: axes.yTitle, ...singleValueAxis(extent.min) }
    : { field: "y", type: "quantitative" as const, title: axes.yTitle, scale: yScale(scaleType), axis: yAxisFormat(scaleType) };
  const smoothedSet = `indexof(${JSON.stringify(table.smoothed.map((tag) => table.tags.indexOf(tag)))}, datum.i) >= 0`;
  const enc = { x, ...encodings } as const;
  const layers: Layer[] = [];
  if (table.smoothed.length > 0) {
    layers.push(
      { mark: { type: "line", strokeWidth: 1, strokeOpacity: 0.3, clip: options.interactive }, transform: [{ filter: `isValid(datum.y) && ${smoothedSet}` }, ...lookups], encoding: { ...enc, y } },
      { mark: { type: "line", strokeWidth: 2, clip: options.interactive }, transform: [{ filter: "isValid(datum.s)" }, ...lookups], encoding: { ...enc, y: { ...y, field: "s" } } },
    );
  }
  if (table.smoothed.length < table.tags.length) {
    layers.push({ mark: { type: "line", strokeWidth: 2, clip: options.interactive, point: { size: 18 } }, transform: [{ filter: `!(${smoothedSet})` }, ...lookups], encoding: { ...enc, y } });
  }
  if (options.interactive) layers.push(hoverLayer(lookups, x, y, axes.xTitle));
  return layers;
}

function hoverLayer(lookups: CalculateTransform[], x: object, y: object, xTitle: string): Layer {
  const labels = lookups.map((l) => ({ field: l.as as string, type: "nominal" as const }));
  return {
    mark: { type: "point", opacity: 0, size: 40 },
    transform: lookups,
    params: [{ name: "zoom", select: { type: "interval", encodings: ["x"] }, bind: "scales" }],
    encoding: {
      x,
      y,
      tooltip: [...labels, { field: "x", type: "quantitative", title: xTitle }, { field: "y", type: "quantitative", title: "value", format: ".4~g" }, { field: "s", type: "quantitative", title: "smoothed", format: ".4~g" }],
    },
  } as Layer;
}

/** The learning rate, dashed on a right axis; schedules are smooth or piecewise, so it gets the smoothed-line budget. */
function learningRateLayer(lr: Series, label: string, xTitle: string, color: ColorDef, options: ChartOptions): UnitSpec<Field> {
  const table = buildSeriesTable([lr], { pointBudget: options.smoothPointBudget, smoothMinPoints: Number.POSITIVE_INFINITY });
  const scaleType = chooseYScale(table.extent, options.logScaleMinRatio);
  const scale = yScale(scaleType);
  return {
    data: table.data,
    transform: [{ calculate: labelLookup([label], "i"), as: "series" }],
    mark: { type: "line", strokeWidth: 1.5, strokeDash: [6, 3], clip: options.interactive },
    encoding: {
      x: { field: "x", type: "quantitative", title: xTitle },
      y: { field: "y", type: "quantitative", title: chartMessages.learningRateAxis(), scale, axis: { orient: "right", format: ".2~e", grid: false, ...(scaleType === "linear" ? {} : { tickCount: LOG_TICK_COUNT }) } },
      color,
    },
  };
}

/** Subtitle layout: lines of findings at most this many, each no wider than the plot (≈ 6.2 px per character at 11 px). */
export const SUBTITLE_LAYOUT = { maxLines: 2, pixelsPerChar: 6.2 } as const;

/**
 * Subtitle: the annotation labels in words ("overfitting (val_loss)"), wrapped to the plot width so a
 * long tag list cannot widen the image, then the smoothing note.
 */
function subtitleLines(annotations: readonly Annotation[], undrawn: readonly string[], table: SeriesTable, logSpace: boolean, width: number): string[] {
  const labels = [
    ...new Set(annotations.filter((a) => a.kind !== "level" && a.severity !== "info" && a.label !== "").map((a) => `${a.label} (${a.tag})`)),
    ...(undrawn.length === 0 ? [] : [chartMessages.notDrawn(undrawn)]),
  ];
  const lines = wrapItems(labels, Math.floor(width / SUBTITLE_LAYOUT.pixelsPerChar), SUBTITLE_LAYOUT.maxLines);
  if (table.smoothed.length > 0) lines.push(chartMessages.smoothingNote(logSpace));
  return lines;
}

/** Joins items with " · " into at most `maxLines` lines of ≤ `maxChars`; the rest becomes "+N more". */
export function wrapItems(items: readonly string[], maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  let used = 0;
  for (const item of items) {
    const text = item.length > maxChars ? `${item.slice(0, maxChars - 1)}…` : item;
    const next = current === "" ? text : `${current} · ${text}`;
    if (next.length <= maxChars || current === "") {
      current = next;
      used++;
      continue;
    }
    lines.push(current);
    if (lines.length === maxLines) break;
    current = text;
    used++;
  }
  if (current !== "" && lines.length < maxLines) lines.push(current);
  const rest = items.length - used;
  if (rest > 0 && lines.length > 0) lines[lines.length - 1] += ` · +${rest} more`;
  return lines;
}
