import type { SeriesRole } from "../../domain/series.js";
import type { DetectorContext } from "./types.js";
import type { PreparedSeries } from "./prepare-series.js";

function withRole(context: DetectorContext, role: SeriesRole): PreparedSeries[] {
  return context.series.filter((p) => p.series.role === role);
}

/**
 * The series whose shape tells how training goes: train losses; else validation losses; else
 * quality metrics (train first). Metrics only stand in when no loss is logged, so one problem is
 * not reported twice (loss oscillation and accuracy oscillation).
 */
export function primarySeries(context: DetectorContext): PreparedSeries[] {
  for (const role of ["train-loss", "val-loss", "train-metric", "val-metric"] as const) {
    const found = withRole(context, role);
    if (found.length > 0) return found;
  }
  return [];
}

/** Train and validation losses (or metrics when no loss exists on that side). */
export function lossSeries(context: DetectorContext): PreparedSeries[] {
  const train = withRole(context, "train-loss");
  const val = withRole(context, "val-loss");
  return [
    ...(train.length > 0 ? train : withRole(context, "train-metric")),
    ...(val.length > 0 ? val : withRole(context, "val-metric")),
  ];
}

const SPLIT_MARKER = /(^|[/_.\s-])(val|valid|validate|validation|eval|evaluation|test|dev|train|training)(?=[/_.\s-]|$)[/_.\s-]?/gi;

/** `val_loss` → `loss`, `validation/epoch_loss` → `epoch_loss`, `train/box_loss` → `box_loss`. */
export function baseTag(tag: string): string {
  return tag.toLowerCase().replace(SPLIT_MARKER, "$1").replace(/^[/_.\s-]+/, "");
}

/** A validation series with its training counterpart (same base tag and step unit when possible). */
export interface SeriesPair {
  train: PreparedSeries;
  val: PreparedSeries;
}

/**
 * Pairs every validation series with its training counterpart. Each tag is reduced to its base once
 * and looked up by (step unit, direction, base): comparing every pair of series cost a regex
 * replacement per comparison, which made runs with hundreds of tags slow to diagnose.
 */
export function trainValPairs(context: DetectorContext): SeriesPair[] {
  const pairs: SeriesPair[] = [];
  for (const [trainRole, valRole] of [["train-loss", "val-loss"], ["train-metric", "val-metric"]] as const) {
    // Per (step unit, direction): how many trains, the first one, and the first one per base tag.
    const groups = new Map<string, { count: number; first: PreparedSeries; byBase: Map<string, PreparedSeries> }>();
    for (const train of withRole(context, trainRole)) {
      const key = `${train.series.stepUnit}|${train.series.direction}`;
      const group = groups.get(key);
      const base = baseTag(train.series.tag);
      if (group === undefined) groups.set(key, { count: 1, first: train, byBase: new Map([[base, train]]) });
      else {
        group.count++;
        if (!group.byBase.has(base)) group.byBase.set(base, train);
      }
    }
    for (const val of withRole(context, valRole)) {
      const group = groups.get(`${val.series.stepUnit}|${val.series.direction}`);
      if (group === undefined) continue;
      // Same base tag; otherwise only an unambiguous single candidate (never pair box loss with total loss).
      const train = group.byBase.get(baseTag(val.series.tag)) ?? (group.count === 1 ? group.first : undefined);
      if (train !== undefined) pairs.push({ train, val });
    }
    if (pairs.length > 0) return pairs;
  }
  return pairs;
}
