import type { Finding } from "../../domain/finding.js";
import type { Series } from "../../domain/series.js";
import { DIVERGENCE_DEFAULTS, LOSS_JUMP_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES, formatSpan, formatStep } from "../detector-messages.js";
import { median } from "../stats/median.js";
import { analysisStep, clampConfidence, lrAt, positionOf, rawStep, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import { lossSeries } from "./select.js";
import type { Detector, DetectorContext } from "./types.js";

type Options = typeof LOSS_JUMP_DEFAULTS;

interface Jump {
  /** First analysis point of the raised level. */
  index: number;
  before: number;
  after: number;
  /** Raw values at or above this are the raised level. */
  high: number;
}

/**
 * The raised threshold of a rise from `before` to `after`, or NaN when the rise is no jump: the level
 * at least `minRatio` × higher, or (a loss with a high floor) at least `minMajorRatio` × higher while
 * giving back `majorGiveBack` of the progress made (`progress` = initial level − before).
 */
function raisedThreshold(before: number, after: number, progress: number, o: Options): number {
  if (after >= o.minRatio * before) return o.minRatio * before;
  const major = after >= o.minMajorRatio * before && after - before >= o.majorGiveBack * progress;
  return major ? (before + after) / 2 : Number.NaN;
}

/**
 * The rise happens at k: the highest of the `maxRisePoints` points from k is above the lowest of the
 * `maxRisePoints` points before k by at least `minSuddenShare` of the whole rise (a climb spread over
 * many points — overfitting, drift — is not a jump).
 */
function sudden(values: Float64Array, k: number, rise: number, o: Options): boolean {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = Math.max(0, k - o.maxRisePoints); i < k; i++) low = Math.min(low, values[i] as number);
  for (let i = k; i < Math.min(values.length, k + o.maxRisePoints); i++) high = Math.max(high, values[i] as number);
  return high - low >= o.minSuddenShare * rise;
}

/**
 * The largest abrupt rise of the level: at index k the median of the `afterPoints` points from k is
 * raised (see `raisedThreshold`) above the median of the `beforePoints` points before k, and most of
 * the rise happens at k (`sudden`). The largest rise relative to the level before wins.
 */
function largestJump(values: Float64Array, initialLevel: number, o: Options, scratch: Float64Array): Jump | null {
  let best: Jump | null = null;
  for (let k = o.beforePoints; k + o.afterPoints <= values.length; k++) {
    const before = median(values, k - o.beforePoints, k, scratch);
    if (!(before > 0)) continue;
    const after = median(values, k, k + o.afterPoints, scratch);
    const high = raisedThreshold(before, after, initialLevel - before, o);
    if (!(high > 0) || !sudden(values, k, after - before, o)) continue;
    if (best === null || after / before > best.after / best.before) best = { index: k, before, after, high };
  }
  return best;
}

/**
 * The raw points behind a jump found on the analysis buckets: the first raw point at or above the
 * raised threshold (the jump's exact step), how many stay there in a row, and the highest of them.
 */
function rawJump(p: PreparedSeries, jump: Jump, o: Options): { index: number; peak: number; sustained: number } | null {
  const bounds = p.analysis.bounds;
  const from = bounds[Math.max(0, jump.index - o.maxRisePoints)] ?? 0;
  const to = bounds[Math.min(bounds.length - 1, jump.index + o.afterPoints)] ?? p.length;
  let index = from;
  while (index < to && !((p.bad[index] as number) >= jump.high)) index++;
  if (index === to) return null;
  let sustained = 0;
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = index; i < p.length && (p.bad[i] as number) >= jump.high; i++, sustained++) peak = Math.max(peak, p.bad[i] as number);
  return { index, peak, sustained };
}

/** The raised stretch lasts longer than a spike (or runs to the end of the series). */
function sustained(p: PreparedSeries, raw: { index: number; sustained: number }, o: Options): boolean {
  return raw.sustained >= o.minSustainPoints || (raw.index + raw.sustained === p.length && raw.sustained >= o.minEndPoints);
}

/** First analysis point from `from` where the smooth curve is back near `level`; −1 when never. */
function recoveryIndex(smooth: Float64Array, from: number, level: number, tolerance: number): number {
  for (let i = from; i < smooth.length; i++) if ((smooth[i] as number) <= level * (1 + tolerance)) return i;
  return -1;
}

/** What the logged learning rate did at the jump: a planned warm restart (`raised`), or a schedule that started over (`restart`). */
interface LrAtJump {
  raised: boolean;
  restart: { from: number; to: number } | null;
}

/**
 * Compares the logged learning rate at the jump's raw point with the raw point before it and with the
 * start of the window before the jump: ≥ `lrRaiseRatio` × the window start is a warm restart; a
 * smaller rise of ≥ `lrRestartRatio` of a rate that was not rising (no warm-up) is a restart.
 */
function lrAtJump(p: PreparedSeries, lr: Series | undefined, rawIndex: number, windowStart: number, o: Options): LrAtJump {
  if (lr === undefined || lr.stepUnit !== p.series.stepUnit || rawIndex < 1) return { raised: false, restart: null };
  const at = lrAt(lr, rawStep(p, rawIndex));
  const before = lrAt(lr, rawStep(p, rawIndex - 1));
  const start = lrAt(lr, analysisStep(p, windowStart));
  if (!(at > 0 && before > 0 && start > 0)) return { raised: false, restart: null };
  if (at >= o.lrRaiseRatio * start) return { raised: true, restart: null };
  return { raised: false, restart: at >= o.lrRestartRatio * before && before <= start ? { from: before, to: at } : null };
}

interface Located {
  jump: Jump;
  raw: { index: number; peak: number; sustained: number };
  /** Share of the progress made before the jump that it gave back. */
  giveBack: number;
}

/** The jump that passes every guard (not an explosion, gives back progress, sustained), or null. */
function locate(p: PreparedSeries, o: Options): Located | null {
  const values = p.analysis.values;
  if (!p.positive || values.length < o.minPoints) return null;
  const jump = largestJump(values, p.initialLevel, o, new Float64Array(Math.max(o.beforePoints, o.afterPoints)));
  // A rise to an explosion of the initial level is `divergence`'s (explosive) finding.
  if (jump === null || jump.after >= Math.sqrt(DIVERGENCE_DEFAULTS.explodeRatio) * p.initialLevel) return null;
  const progress = p.initialLevel - jump.before;
  if (!(progress > 0) || jump.after - jump.before < o.minGiveBack * progress) return null;
  const raw = rawJump(p, jump, o);
  return raw === null || !sustained(p, raw, o) ? null : { jump, raw, giveBack: (jump.after - jump.before) / progress };
}

function check(p: PreparedSeries, context: DetectorContext, o: Options): Finding | null {
  const located = locate(p, o);
  if (located === null) return null;
  const { jump, raw } = located;
  const ratio = jump.after / jump.before;
  const unit = p.series.stepUnit;
  const step = rawStep(p, raw.index);
  const toEnd = raw.index + raw.sustained === p.length;
  const recovered = recoveryIndex(p.smooth, jump.index + o.afterPoints, jump.before, o.recoverTolerance);
  const recoveredStep = recovered === -1 ? null : analysisStep(p, recovered);
  const lr = lrAtJump(p, context.learningRate, raw.index, jump.index - o.beforePoints, o);
  const [before, peak, after, threshold] = [jump.before, raw.peak, jump.after, jump.high].map((v) => p.toValue(v)) as [number, number, number, number];
  return {
    id: "loss-jump",
    severity: lr.raised ? "info" : "warning",
    confidence: clampConfidence(0.5 + 0.3 * saturate(Math.log2(ratio / o.minRatio) * 2) + (recovered === -1 ? 0.15 : 0.05)),
    series: p.series.tag,
    fromStep: step,
    toStep: recoveredStep ?? analysisStep(p, p.analysis.values.length - 1),
    evidence: {
      step, giveBack: round4(located.giveBack), before: round4(before), peak: round4(peak), after: round4(after), threshold: round4(threshold), ratio: round4(ratio),
      recoveredStep, sustainedPoints: raw.sustained, position: round4(positionOf(p, step)), ...(lr.raised ? { lrRaised: true } : {}),
      ...(lr.restart === null ? {} : { lrRestartFrom: lr.restart.from, lrRestartTo: lr.restart.to }),
    },
    message: DETECTOR_MESSAGES.lossJump({
      series: p.series.tag, before, peak, after, at: formatStep(step, unit), threshold,
      span: toEnd ? null : formatSpan(rawStep(p, raw.index + raw.sustained - 1) - step, unit),
      recoveredAt: recoveredStep === null ? null : formatStep(recoveredStep, unit), lrRaised: lr.raised, lrRestart: lr.restart,
    }),
  };
}

/** `loss-jump`: the loss suddenly rises to a multiple of its level and stays up (longer than a spike). */
export const lossJumpDetector: Detector<Options> = {
  id: "loss-jump",
  defaults: LOSS_JUMP_DEFAULTS,
  // A jump on the way to an explosion, a rise that never ends, NaN, or a validation loss climbing away
  // from training is part of that finding.
  supersededBy: ["divergence", "non-finite", "overfitting"],
  detect(context, options) {
    return lossSeries(context).map((p) => check(p, context, options)).filter((f): f is Finding => f !== null);
  },
};
