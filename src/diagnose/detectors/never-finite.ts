import type { Finding } from "../../domain/finding.js";
import { NEVER_FINITE_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { stepRange } from "./finding-helpers.js";
import { isBrokenMetric, watched } from "./non-finite.js";
import type { PreparedSeries } from "./prepare-series.js";
import type { Detector, DetectorContext } from "./types.js";

function toFinding(p: PreparedSeries): Finding {
  const { first, last } = stepRange(p);
  const kind = Number.isNaN(p.series.values[0] ?? Number.NaN) ? "nan" : "inf";
  return {
    id: "never-finite",
    severity: "warning",
    confidence: 0.9,
    series: p.series.tag,
    fromStep: first,
    toStep: last,
    evidence: { kind, points: p.series.values.length },
    message: DETECTOR_MESSAGES["never-finite"]({ series: p.series.tag, kind, points: p.series.values.length }),
  };
}

/**
 * `never-finite`: a loss that is NaN/Inf at every logged point while a training loss of the same run
 * stays finite. Training is not blowing up (that is `non-finite`); the metric is not computed, e.g. a
 * validation loss term that is always NaN in YOLO segmentation logs.
 */
export const neverFiniteDetector: Detector<typeof NEVER_FINITE_DEFAULTS> = {
  id: "never-finite",
  defaults: NEVER_FINITE_DEFAULTS,
  detect(context: DetectorContext) {
    return watched(context)
      .filter((p) => isBrokenMetric(p, context))
      .map(toFinding);
  },
};
