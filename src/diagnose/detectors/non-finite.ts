import type { Finding } from "../../domain/finding.js";
import { NON_FINITE_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatStep } from "../detector-messages.js";
import { positionOf, rawStep, round4, stepRange } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import type { Detector, DetectorContext } from "./types.js";

const WATCHED = new Set(["train-loss", "val-loss", "grad-norm"]);

/** True when the series has values but not one of them is finite. */
export function isNeverFinite(p: PreparedSeries): boolean {
  return p.firstNonFinite === 0 && p.length === 0 && p.series.values.every((v) => !Number.isFinite(v));
}

/**
 * A loss that is never finite while a training loss of the same run ends finite is a broken metric
 * (reported by `never-finite`), not a training blow-up.
 */
export function isBrokenMetric(p: PreparedSeries, context: DetectorContext): boolean {
  if (!isNeverFinite(p)) return false;
  return context.series.some((o) => o !== p && o.series.role === "train-loss" && Number.isFinite(o.series.values[o.series.values.length - 1] ?? Number.NaN));
}

export function watched(context: DetectorContext): PreparedSeries[] {
  const hasLoss = context.series.some((p) => p.series.role === "train-loss" || p.series.role === "val-loss");
  return context.series.filter((p) => WATCHED.has(p.series.role) || (!hasLoss && p.series.role.endsWith("metric")));
}

function check(p: PreparedSeries): Finding | null {
  const index = p.firstNonFinite;
  if (index < 0) return null;
  const value = p.series.values[index] ?? Number.NaN;
  const kind = Number.isNaN(value) ? "nan" : "inf";
  const lastFinite = index > 0 ? (p.series.values[index - 1] ?? null) : null;
  const step = rawStep(p, index);
  const position = positionOf(p, step);
  return {
    id: "non-finite",
    severity: "error",
    confidence: 0.99,
    series: p.series.tag,
    fromStep: step,
    toStep: stepRange(p).last,
    evidence: { firstStep: step, kind, lastFiniteValue: lastFinite === null ? null : round4(lastFinite), position: round4(position) },
    message: DETECTOR_MESSAGES["non-finite"]({ series: p.series.tag, kind, at: formatStep(step, p.series.stepUnit), position, lastFinite }),
  };
}

/** `non-finite`: the first NaN/±Inf of a loss (or grad norm; metrics when no loss is logged). */
export const nonFiniteDetector: Detector<typeof NON_FINITE_DEFAULTS> = {
  id: "non-finite",
  defaults: NON_FINITE_DEFAULTS,
  detect(context) {
    return watched(context)
      .filter((p) => !isBrokenMetric(p, context))
      .map(check)
      .filter((f): f is Finding => f !== null);
  },
};
