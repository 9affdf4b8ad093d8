import type { Finding } from "../../domain/finding.js";
import { SLOW_CONVERGENCE_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { mannKendall } from "../stats/mann-kendall.js";
import { analysisStep, clampConfidence, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { primarySeries } from "./select.js";
import type { Detector } from "./types.js";

type Options = typeof SLOW_CONVERGENCE_DEFAULTS;

function check(p: PreparedSeries, o: Options): Finding | null {
  const s = p.smooth;
  const n = s.length;
  if (n < o.minPoints) return null;
  let best = Number.POSITIVE_INFINITY;
  for (const v of s) best = Math.min(best, v);
  const total = p.startLevel - best;
  const quarter = Math.floor(n * 0.75);
  const lastQuarter = (s[quarter] ?? Number.NaN) - p.endLevel;
  const improvementRatio = total > 0 ? lastQuarter / total : 0;
  const z = mannKendall(p.analysis.values.subarray(Math.floor(n / 2))).z;
  const shallow = !p.positive || p.startLevel <= 0 || total / p.startLevel < o.maxTotalImprovement;
  if (!(improvementRatio >= o.minImprovementRatio && -z >= o.minTrendZ && shallow)) return null;
  return {
    id: "slow-convergence",
    severity: "info",
    confidence: clampConfidence(0.4 + 0.3 * saturate(-z - o.minTrendZ) + 0.3 * saturate(improvementRatio / o.minImprovementRatio - 1)),
    series: p.series.tag,
    fromStep: analysisStep(p, 0),
    toStep: analysisStep(p, n - 1),
    evidence: { improvementRatio: round4(improvementRatio) },
    message: DETECTOR_MESSAGES.slowConvergence({ series: p.series.tag, share: improvementRatio }),
  };
}

/** `slow-convergence`: still improving at a steady rate when the run ends — more epochs or a higher LR would help. */
export const slowConvergenceDetector: Detector<Options> = {
  id: "slow-convergence",
  defaults: SLOW_CONVERGENCE_DEFAULTS,
  detect(context, options) {
    return primarySeries(context)
      .map((p) => check(p, options))
      .filter((f): f is Finding => f !== null);
  },
};
