import type { ChartTheme } from "../theme.js";
import { DOWNSAMPLE_DEFAULTS } from "../downsample.js";

/** Options of the run chart builders. Every field has a documented default. */
export interface ChartOptions {
  /** Points drawn per series after downsampling. Default: 1500. */
  pointBudget: number;
  /**
   * Raw points of all series of one chart together; with many series each gets
   * `min(pointBudget, chartPointBudget / series)`, so a 10-series chart stays under 200 KB. Default: 6000.
   */
  chartPointBudget: number;
  /** Points of each smoothed (EMA) line; it is smooth, so fewer suffice. Default: 500. */
  smoothPointBudget: number;
  /** Colour scheme. Default: `light`. */
  theme: ChartTheme;
  /** Plot width in pixels (before the PNG scale factor). Default: 640. */
  width: number;
  /** Plot height in pixels. Default: 300. */
  height: number;
  /** Use a log y axis when positive values span at least this max/min ratio. Default: 100 (two decades). */
  logScaleMinRatio: number;
  /** Series shorter than this are drawn as a strong line with points and no EMA. Default: 60. */
  smoothMinPoints: number;
  /** At most this many metric charts per run. Default: 4. */
  maxMetricCharts: number;
  /** Add zoom/pan and hover tooltips (for the HTML page; adds invisible marks). Default: false. */
  interactive: boolean;
}

export const DEFAULT_CHART_OPTIONS: Readonly<ChartOptions> = {
  pointBudget: DOWNSAMPLE_DEFAULTS.pointBudget,
  chartPointBudget: 6000,
  smoothPointBudget: 500,
  theme: "light",
  width: 640,
  height: 300,
  logScaleMinRatio: 100,
  smoothMinPoints: 60,
  maxMetricCharts: 4,
  interactive: false,
};

/** Resolves partial options against the defaults. */
export function resolveChartOptions(options: Partial<ChartOptions> | undefined): ChartOptions {
  return { ...DEFAULT_CHART_OPTIONS, ...options };
}

/** Options with the per-series budgets shared out among `seriesCount` series of one chart. */
export function shareBudget(options: ChartOptions, seriesCount: number): ChartOptions {
  const perSeries = Math.max(4, Math.min(options.pointBudget, Math.floor(options.chartPointBudget / Math.max(1, seriesCount))));
  return { ...options, pointBudget: perSeries, smoothPointBudget: Math.min(options.smoothPointBudget, perSeries) };
}
