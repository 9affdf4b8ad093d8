import type { TopLevelSpec } from "vega-lite";
import type { TrainingRun } from "../../domain/run.js";
import type { Series, SeriesRole } from "../../domain/series.js";
import { chartMessages } from "../messages.js";
import { themeConfig, themePalette } from "../theme.js";
import { annotationLayers } from "./annotation-layers.js";
import { buildAnnotations } from "./annotations.js";
import { labelLookup } from "./csv.js";
import { lineLayers, unitOf } from "./curve-chart.js";
import { resolveChartOptions, shareBudget, type ChartOptions } from "./options.js";
import { buildSeriesTable } from "./series-table.js";

/** Options of the comparison chart: the run chart options plus the two legend labels. */
export interface ComparisonOptions extends ChartOptions {
  /** Legend label of the base run. Default: `base`. */
  baseLabel: string;
  /** Legend label of the head run. Default: `head`. */
  headLabel: string;
}

const COMPARED_ROLES: readonly SeriesRole[] = ["train-loss", "val-loss"];
/** Dash patterns per compared series: solid for the first (train), dashed for the second (validation). */
const DASHES: number[][] = [[1, 0], [6, 3]];
const DASH_NAMES = ["solid", "dashed"] as const;

function dashNote(names: readonly string[]): string {
  return names.map((name, i) => `${DASH_NAMES[i] ?? "dashed"}: ${name}`).join(" · ");
}

/** Pairs of same-role loss series: same tag when both runs have it, else the first of each run. */
export function pairLossSeries(base: TrainingRun, head: TrainingRun): [Series, Series][] {
  const pairs: [Series, Series][] = [];
  for (const role of COMPARED_ROLES) {
    const b = base.series.filter((s) => s.role === role && s.values.length > 0);
    const h = head.series.filter((s) => s.role === role && s.values.length > 0);
    const sameTag = b.find((s) => h.some((t) => t.tag === s.tag));
    const left = sameTag ?? b[0];
    const right = sameTag === undefined ? h[0] : h.find((t) => t.tag === sameTag.tag);
    if (left !== undefined && right !== undefined) pairs.push([left, right]);
  }
  return pairs;
}

/**
 * Base and head loss curves in one chart: colour = revision, dash = series (as `dvc plots diff`
 * overlays revisions). Null when the runs share no loss role.
 */
export function buildComparisonSpec(base: TrainingRun, head: TrainingRun, partial?: Partial<ComparisonOptions>): { title: string; spec: TopLevelSpec } | null {
  const o = { baseLabel: "base", headLabel: "head", ...resolveChartOptions(partial), ...stripUndefined(partial) };
  const pairs = pairLossSeries(base, head);
  if (pairs.length === 0) return null;
  const palette = themePalette(o.theme);
  const ordered = pairs.flatMap(([b, h]) => [b, h]);
  const revisions = pairs.flatMap(() => [o.baseLabel, o.headLabel]);
  const names = pairs.flatMap(([b]) => [b.tag, b.tag]);
  const table = buildSeriesTable(ordered, shareBudget(o, ordered.length));
  const unit = unitOf(ordered);
  const axes = { xTitle: chartMessages.stepAxis(unit), yTitle: chartMessages.lossAxis() };
  const color = { field: "revision", type: "nominal", scale: { domain: [o.baseLabel, o.headLabel], range: [palette.muted, palette.series[1] ?? palette.foreground] }, legend: { title: null, orient: "bottom", symbolType: "stroke" } };
  // Dash legends lose their stroke when lines carry points (vega-lite draws them filled and transparent),
  // so the dash → series mapping is written in the subtitle instead.
  const seriesNames = pairs.map(([b]) => b.tag);
  const strokeDash = { field: "series", type: "nominal", scale: { domain: seriesNames, range: DASHES.slice(0, seriesNames.length) }, legend: null };
  const lookups = [{ calculate: labelLookup(revisions, "i"), as: "revision" }, { calculate: labelLookup(names, "i"), as: "series" }];
  const nonFinite = table.nonFinite.map((p) => ({ ...p, tag: `${revisions[ordered.findIndex((s) => s.tag === p.tag)] ?? ""} ${p.tag}`.trim() }));
  const annotations = buildAnnotations([], [], nonFinite, unit);
  const title = chartMessages.comparisonTitle(o.baseLabel, o.headLabel);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: [dashNote(seriesNames), chartMessages.smoothingNote()] },
    width: o.width,
    height: o.height,
    config: themeConfig(o.theme),
    data: table.data,
    layer: [...lineLayers(table, axes, { color, strokeDash }, lookups, o), ...annotationLayers(annotations, palette, { ...axes, stepRange: table.stepRange, width: o.width })],
  };
  return { title, spec };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
