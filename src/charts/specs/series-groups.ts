import type { Series } from "../../domain/series.js";

/** A metric and the series (train, val, ...) that log it. */
export interface MetricGroup {
  /** Name without split markers: `val_accuracy` and `accuracy` → `accuracy`. */
  name: string;
  series: Series[];
}

const SPLIT_MARKER = /(^|[/_.-])(val|valid|validation|eval|evaluation|test|dev|train|training)(?=[/_.-]|$)/gi;

/** The metric name of a tag without its train/val marker. */
export function metricName(tag: string): string {
  const stripped = tag.replace(SPLIT_MARKER, "$1").replace(/^[/_.-]+|[/_.-]+$/g, "").replace(/([/_.-])[/_.-]+/g, "$1");
  return stripped.length > 0 ? stripped : tag;
}

/** Groups quality-metric series by metric name, in first-seen order. */
export function groupMetrics(series: readonly Series[]): MetricGroup[] {
  const groups = new Map<string, Series[]>();
  for (const s of series) {
    if (s.role !== "train-metric" && s.role !== "val-metric") continue;
    const name = metricName(s.tag);
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return [...groups].map(([name, list]) => ({ name, series: list }));
}

/** File-name-safe, lower-case id fragment. */
export function slugify(text: string): string {
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug : "series";
}

/** Series with at least one point (an all-NaN series is still drawn: its NaN rule is the news). */
export function drawable(series: readonly Series[]): Series[] {
  return series.filter((s) => s.values.length > 0);
}
