import type { Finding } from "../../domain/finding.js";
import { METRIC_STUCK_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatValue } from "../detector-messages.js";
import { matchChance } from "./chance-level.js";
import { analysisStep, clampConfidence, round4, saturate } from "./finding-helpers.js";
import { flatTailStart } from "./plateau.js";
import type { PreparedSeries } from "./prepare-series.js";
import type { Detector, DetectorContext } from "./types.js";

type Options = typeof METRIC_STUCK_DEFAULTS;

/** Only accuracy has a well-defined chance level 1/C (mAP, F1 or BLEU do not). */
const ACCURACY = /acc/i;

function check(p: PreparedSeries, context: DetectorContext, o: Options): Finding | null {
  const n = p.smooth.length;
  const values = p.series.values;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < p.length; i++) max = Math.max(max, values[i] ?? Number.NEGATIVE_INFINITY);
  if (n < o.minPoints || p.series.direction !== "higher" || !(max <= 1)) return null;
  const start = flatTailStart(p.smooth, p.endLevel, o.maxChange);
  const fraction = (n - start) / n;
  const level = p.toValue(p.endLevel);
  const chance = matchChance(level, context.numClasses, o.chanceTolerance, o.chanceTolerance, "accuracy");
  if (fraction < o.minFraction || chance === null || (chance.classes > 10 && !chance.known)) return null;
  const chanceText = `${chance.classes} classes (${formatValue(chance.level)}${chance.known ? "" : "?"})`;
  return {
    id: "metric-stuck",
    severity: "warning",
    confidence: clampConfidence(0.5 + 0.3 * saturate((fraction - o.minFraction) * 4) + (chance.known ? 0.19 : 0)),
    series: p.series.tag,
    fromStep: analysisStep(p, start),
    toStep: analysisStep(p, n - 1),
    evidence: { level: round4(level), chanceLevel: round4(chance.level), classes: chance.classes, fraction: round4(fraction) },
    message: DETECTOR_MESSAGES.metricStuck({ series: p.series.tag, level, chance: chanceText }),
  };
}

/** `metric-stuck`: an accuracy-like metric sits flat at chance (1/C) — the model predicts one class or guesses. */
export const metricStuckDetector: Detector<Options> = {
  id: "metric-stuck",
  defaults: METRIC_STUCK_DEFAULTS,
  detect(context, options) {
    return context.series
      .filter((p) => (p.series.role === "train-metric" || p.series.role === "val-metric") && ACCURACY.test(p.series.tag))
      .map((p) => check(p, context, options))
      .filter((f): f is Finding => f !== null);
  },
};
