import type { Finding } from "../../domain/finding.js";
import { PLATEAU_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatStep, formatValue } from "../detector-messages.js";
import { matchChance } from "./chance-level.js";
import { analysisStep, clampConfidence, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { lossSeries } from "./select.js";
import type { Detector, DetectorContext } from "./types.js";

type Options = typeof PLATEAU_DEFAULTS;

/** First index of the flat tail: every later smooth point stays within `tolerance` of the end level. */
export function flatTailStart(smooth: Float64Array, endLevel: number, tolerance: number): number {
  let start = smooth.length;
  while (start > 0 && Math.abs((smooth[start - 1] ?? Number.NaN) - endLevel) <= tolerance) start--;
  return start;
}

function check(p: PreparedSeries, context: DetectorContext, o: Options): Finding | null {
  const n = p.smooth.length;
  if (n < o.minPoints) return null;
  const level = p.endLevel;
  const start = flatTailStart(p.smooth, level, o.maxRelativeChange * Math.abs(level));
  const fraction = (n - start) / n;
  const isLoss = p.series.role.endsWith("loss") && p.positive;
  const chance = isLoss ? matchChance(level, context.numClasses, o.chanceTolerance, o.guessedChanceTolerance, "loss", o.guessedChanceAbove) : null;
  // Evidence only: the nearest ln(k) within nearChanceTolerance, even when it is not close enough to call.
  const near = chance ?? (isLoss ? matchChance(level, undefined, o.nearChanceTolerance, o.nearChanceTolerance) : null);
  const relativeImprovement = p.initialLevel !== 0 ? (p.initialLevel - level) / Math.abs(p.initialLevel) : 0;
  // A loss pinned at 0 from the start is a disabled or trivially satisfied term, not a stalled one.
  const stuck = level >= o.minLevelOfStart * p.initialLevel && !(p.positive && level <= 0);
  if (!(fraction >= o.minFraction && (stuck || chance !== null))) return null;
  const warn = chance !== null || relativeImprovement < 0.05;
  const base = 0.45 + 0.3 * saturate((fraction - o.minFraction) * 4) + (chance === null ? 0 : chance.known ? 0.24 : 0.1);
  const step = analysisStep(p, start);
  const value = p.toValue(level);
  const chanceText = chance === null ? null : `ln(${chance.classes}) = ${formatValue(chance.level)}${chance.known ? "" : "?"}`;
  return {
    id: "plateau",
    severity: warn ? "warning" : "info",
    confidence: clampConfidence(base),
    series: p.series.tag,
    fromStep: step,
    toStep: analysisStep(p, n - 1),
    evidence: {
      level: round4(value),
      chanceLevel: near === null ? null : round4(near.level),
      atChance: chance !== null,
      relativeImprovement: round4(relativeImprovement),
    },
    message: DETECTOR_MESSAGES.plateau({ series: p.series.tag, level: value, from: formatStep(step, p.series.stepUnit), chance: chanceText }),
  };
}

/** `plateau`: the curve is flat for most of the run without having made real progress (or at chance). */
export const plateauDetector: Detector<Options> = {
  id: "plateau",
  defaults: PLATEAU_DEFAULTS,
  detect(context, options) {
    return lossSeries(context)
      .map((p) => check(p, context, options))
      .filter((f): f is Finding => f !== null);
  },
};
