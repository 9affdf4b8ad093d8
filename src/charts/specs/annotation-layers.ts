import type { LayerSpec, UnitSpec } from "vega-lite/types_unstable/spec/index.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { SEVERITY_RANK } from "../../domain/severity.js";
import type { ThemePalette } from "../theme.js";
import type { Annotation } from "./annotations.js";

type Layer = LayerSpec<Field> | UnitSpec<Field>;

/** Layout of annotations. Labels are stacked in rows at the top of the plot so neighbours do not overlap. */
export const ANNOTATION_LAYOUT = {
  rowHeight: 13,
  /** Label rows; labels that fit in none are left to the subtitle. */
  rows: 4,
  top: 3,
  fontSize: 10,
  /** Estimated label width per character, as a fraction of the font size (DejaVu Sans averages ~0.6). */
  charWidth: 0.62,
  rangeOpacity: 0.12,
  /** Non-error ranges covering at least this fraction of the x range are not shaded (they say "the whole run"; the subtitle names them). */
  wholeRunFraction: 0.9,
  /** At most this many shaded ranges, most severe first. */
  maxRanges: 3,
} as const;

/** Where the plot's x range lies, to place labels in pixels. */
export interface AnnotationFrame {
  xTitle: string;
  yTitle: string;
  stepRange: [number, number] | null;
  width: number;
}

/** Rows of the annotation tables; `c` is the colour, used as is (`scale: null`); `row` is the label row. */
interface Row {
  x: number;
  x2?: number;
  y?: number;
  label: string;
  c: string;
  row: number;
}

type TextMark = { type: "text"; align: "left" | "right"; baseline: "top" | "bottom"; dx?: number; dy?: number; fontSize: number };

/** Drops whole-run ranges, duplicates (same span and label on several series) and the least severe extra ranges. */
export function selectDrawn(annotations: readonly Annotation[], stepRange: [number, number] | null): Annotation[] {
  const span = stepRange === null ? 0 : stepRange[1] - stepRange[0];
  const seen = new Set<string>();
  const unique = annotations.filter((a) => {
    const key = a.kind === "range" ? `r:${a.from}:${a.to}:${a.label}` : a.kind === "rule" ? `u:${a.at}:${a.label}` : `${a.kind}:${JSON.stringify(a)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !(a.kind === "range" && a.severity !== "error" && span > 0 && a.to - a.from >= ANNOTATION_LAYOUT.wholeRunFraction * span);
  });
  const ranges = unique.filter((a) => a.kind === "range").sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const kept = new Set(ranges.slice(0, ANNOTATION_LAYOUT.maxRanges));
  return unique.filter((a) => a.kind !== "range" || kept.has(a));
}

/** Greedy row assignment: each label goes to the first row where it does not overlap the previous label. */
function assignRows(labels: { x: number; label: string }[], frame: AnnotationFrame): number[] {
  const [lo, hi] = frame.stepRange ?? [0, 1];
  const px = (x: number): number => ((x - lo) / (hi - lo || 1)) * frame.width;
  const ends: number[] = Array.from({ length: ANNOTATION_LAYOUT.rows }, () => Number.NEGATIVE_INFINITY);
  const order = labels.map((l, i) => ({ ...l, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const rows = labels.map(() => -1);
  for (const l of order) {
    const start = px(l.x);
    const row = ends.findIndex((end) => end < start);
    if (row < 0) continue;
    ends[row] = start + l.label.length * ANNOTATION_LAYOUT.fontSize * ANNOTATION_LAYOUT.charWidth + 8;
    rows[l.i] = row;
  }
  return rows;
}

function toRows(annotations: readonly Annotation[], palette: ThemePalette, kind: Annotation["kind"]): Row[] {
  const rows: Row[] = [];
  for (const a of annotations) {
    if (a.kind !== kind) continue;
    const c = palette.severity[a.severity];
    if (a.kind === "range") rows.push({ x: a.from, x2: a.to, label: a.label, c, row: 0 });
    else if (a.kind === "rule") rows.push({ x: a.at, label: a.label, c, row: 0 });
    else if (a.kind === "point") rows.push({ x: a.at, y: a.value, label: a.label, c, row: 0 });
    else rows.push({ x: 0, y: a.value, label: a.label, c, row: 0 });
  }
  return rows;
}

/** The same text layer twice: first a thick stroke in the background colour (a halo), then the text. */
function withHalo(mark: TextMark, layer: Omit<UnitSpec<Field>, "mark">, palette: ThemePalette): UnitSpec<Field>[] {
  const encoding = { ...layer.encoding };
  delete encoding.color;
  const halo: UnitSpec<Field> = { ...layer, mark: { ...mark, stroke: palette.background, strokeWidth: 3, strokeJoin: "round", fill: palette.background }, encoding };
  return [halo, { ...layer, mark }];
}

/** Labels of ranges and rules at the top of the plot, each in its assigned row. */
function topLabels(rows: Row[], frame: AnnotationFrame, palette: ThemePalette): UnitSpec<Field>[] {
  const assigned = assignRows(rows, frame);
  const placed = rows.map((r, i) => ({ ...r, row: assigned[i] ?? -1 })).filter((r) => r.row >= 0);
  if (placed.length === 0) return [];
  const mark: TextMark = { type: "text", align: "left", baseline: "top", dx: 3, fontSize: ANNOTATION_LAYOUT.fontSize };
  return withHalo(mark, {
    data: { values: placed },
    transform: [{ calculate: `${ANNOTATION_LAYOUT.top} + datum.row * ${ANNOTATION_LAYOUT.rowHeight}`, as: "offset" }],
    encoding: {
      x: { field: "x", type: "quantitative", title: frame.xTitle },
      y: { field: "offset", type: "quantitative", scale: null },
      text: { field: "label" },
      color: { field: "c", type: "nominal", scale: null },
    },
  }, palette);
}

/**
 * vega-lite layers for annotations: shaded ranges, vertical rules, points on the curve and horizontal
 * levels, each with a short label. They share the chart's x (and y for points and levels) scale.
 */
export function annotationLayers(all: readonly Annotation[], palette: ThemePalette, frame: AnnotationFrame): Layer[] {
  const annotations = selectDrawn(all, frame.stepRange);
  const layers: Layer[] = [];
  const x = { field: "x", type: "quantitative" as const, title: frame.xTitle };
  const y = { field: "y", type: "quantitative" as const, title: frame.yTitle };
  const color = { field: "c", type: "nominal" as const, scale: null };
  const ranges = toRows(annotations, palette, "range");
  if (ranges.length > 0) {
    layers.push({ data: { values: ranges }, mark: { type: "rect", fillOpacity: ANNOTATION_LAYOUT.rangeOpacity, strokeOpacity: 0 }, encoding: { x, x2: { field: "x2" }, color } });
  }
  const rules = toRows(annotations, palette, "rule");
  if (rules.length > 0) {
    layers.push({ data: { values: rules }, mark: { type: "rule", strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x, color } });
  }
  const levels = toRows(annotations, palette, "level");
  if (levels.length > 0) {
    layers.push({ data: { values: levels }, mark: { type: "rule", strokeDash: [2, 2] }, encoding: { y, color } });
    const mark: TextMark = { type: "text", align: "right", baseline: "bottom", dy: -2, fontSize: ANNOTATION_LAYOUT.fontSize };
    layers.push(...withHalo(mark, { data: { values: levels }, encoding: { y, x: { value: "width" }, text: { field: "label" }, color } }, palette));
  }
  const points = toRows(annotations, palette, "point");
  if (points.length > 0) {
    layers.push({ data: { values: points }, mark: { type: "point", filled: true, size: 70, opacity: 1 }, encoding: { x, y, color } });
    const mark: TextMark = { type: "text", align: "left", baseline: "bottom", dx: 5, dy: -5, fontSize: ANNOTATION_LAYOUT.fontSize };
    layers.push(...withHalo(mark, { data: { values: points }, encoding: { x, y, text: { field: "label" }, color } }, palette));
  }
  layers.push(...topLabels([...ranges, ...rules], frame, palette));
  return layers;
}
