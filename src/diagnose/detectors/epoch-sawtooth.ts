import type { Finding } from "../../domain/finding.js";
import { EPOCH_SAWTOOTH_DEFAULTS } from "../detector-options.js";
import { DETECTOR_MESSAGES } from "../detector-messages.js";
import { periodicProfile } from "../stats/epoch-profile.js";
import { median } from "../stats/median.js";
import { searchPeriod } from "../stats/period-search.js";
import { clampConfidence, rawStep, round4, saturate } from "./finding-helpers.js";
import type { PreparedSeries } from "./prepare-series.js";
import type { Detector, DetectorContext } from "./types.js";

type Options = typeof EPOCH_SAWTOOTH_DEFAULTS;

/**
 * Number of epochs the run logged: the longest per-epoch series (Keras/Lightning epoch logs next to
 * a per-step log), else a whole-number `epochs` hparam. Undefined when unknown.
 */
export function epochCount(context: DetectorContext): number | undefined {
  let count = 0;
  for (const s of context.run.series) if (s.stepUnit === "epoch" && s.values.length > count) count = s.values.length;
  if (count > 0) return count;
  const fromHparams = Number(context.run.hparams.epochs);
  return Number.isInteger(fromHparams) && fromHparams > 0 ? fromHparams : undefined;
}

function medianStepGap(steps: Float64Array): number {
  const gaps = new Float64Array(Math.max(0, steps.length - 1));
  for (let i = 1; i < steps.length; i++) gaps[i - 1] = (steps[i] as number) - (steps[i - 1] as number);
  return median(gaps);
}

/**
 * Steps per epoch, in points of the per-step series `p`: its length ÷ the epoch count; else (logs
 * whose epoch-level series are indexed by global step, like Lightning's metrics.csv) the median step
 * gap of a validation series logged on the same step axis ÷ `p`'s median step gap.
 */
export function epochPeriod(context: DetectorContext, p: PreparedSeries): number | undefined {
  const epochs = epochCount(context);
  if (epochs !== undefined) return Math.round(p.series.values.length / epochs);
  const own = medianStepGap(p.series.steps);
  const val = context.series.find((s) => s.series.role === "val-loss" && s.series.stepUnit === "step" && s.series.values.length >= 3);
  if (val === undefined || !(own > 0)) return undefined;
  const period = Math.round(medianStepGap(val.series.steps) / own);
  return Number.isFinite(period) ? period : undefined;
}

/** The epoch length when known (searched: false), else the best repeat lag of the loss itself (searched: true). */
function findPeriod(context: DetectorContext, p: PreparedSeries, read: (i: number) => number, o: Options): { period: number; searched: boolean } | null {
  const known = epochPeriod(context, p);
  if (known !== undefined) return { period: known, searched: false };
  const found = searchPeriod(read, p.length, o.minPeriod, o.minSearchCycles, o.searchPoints);
  return found === null ? null : { period: found.period, searched: true };
}

/**
 * Reader of ln(badness), floored at the smallest positive value of the series so a loss of exactly 0
 * stays finite (multiplicative patterns become additive). Only the sampled points are transformed.
 */
function logReader(p: PreparedSeries): (i: number) => number {
  let floor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < p.length; i++) {
    const v = p.bad[i] as number;
    if (v > 0 && v < floor) floor = v;
  }
  const safe = Number.isFinite(floor) ? floor : 1e-12;
  return (i) => {
    const v = p.bad[i] as number;
    return Math.log(v > safe ? v : safe);
  };
}

/**
 * True when the logged learning rate itself repeats every `period` steps (a per-epoch cyclic or
 * warm-restart schedule): then the schedule, not the batch order, explains a per-epoch pattern.
 */
function lrRepeatsEveryEpoch(context: DetectorContext, p: PreparedSeries, period: number, o: Options): boolean {
  const lr = context.learningRate;
  if (lr === undefined || lr.stepUnit !== "step") return false;
  const lrPeriod = Math.round((period * medianStepGap(p.series.steps)) / medianStepGap(lr.steps));
  if (!(lrPeriod >= 2)) return false;
  const values = lr.values;
  const folded = periodicProfile((i) => {
    const v = values[i] as number;
    return v > 0 && v - v === 0 ? Math.log(v) : 0;
  }, values.length, lrPeriod);
  return folded !== null && folded.explained >= o.minExplained;
}

/**
 * Shape of the (log-scale) epoch-phase profile: `amplitude` = half its peak-to-peak range as a relative
 * change of the loss; `variation` = total variation ÷ range, 1 for a monotone ramp (running-mean
 * logging, which Keras per-batch logs use, or a within-epoch drift), ≥ 2 once it goes up and down again.
 */
function profileShape(profile: Float64Array): { amplitude: number; variation: number } {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (let j = 0; j < profile.length; j++) {
    const v = profile[j] as number;
    low = Math.min(low, v);
    high = Math.max(high, v);
    if (j > 0) total += Math.abs(v - (profile[j - 1] as number));
  }
  const range = high - low;
  return { amplitude: Math.expm1(range / 2), variation: range > 0 ? total / range : 0 };
}

function check(context: DetectorContext, p: PreparedSeries, o: Options): Finding | null {
  if (p.length < o.minPoints || !p.positive) return null;
  const read = logReader(p);
  const found = findPeriod(context, p, read, o);
  if (found === null || found.period < o.minPeriod) return null;
  const { period, searched } = found;
  const folded = periodicProfile(read, p.length, period);
  if (folded === null || folded.cycles < (searched ? o.minSearchCycles : o.minCycles)) return null;
  if (!(folded.explained >= o.minExplained && folded.repeatCorrelation >= o.minRepeatCorrelation)) return null;
  if (lrRepeatsEveryEpoch(context, p, period, o)) return null;
  const { amplitude, variation } = profileShape(folded.profile);
  if (variation < o.minProfileVariation) return null;
  const pastExplained = (folded.explained - o.minExplained) / (1 - o.minExplained);
  const pastRepeat = (folded.repeatCorrelation - o.minRepeatCorrelation) / (1 - o.minRepeatCorrelation);
  const confidence = 0.5 + 0.25 * saturate(3 * pastExplained) + 0.24 * saturate(3 * pastRepeat);
  return {
    id: "epoch-sawtooth",
    severity: "warning",
    confidence: clampConfidence(confidence),
    series: p.series.tag,
    fromStep: rawStep(p, 0),
    toStep: rawStep(p, folded.cycles * period - 1),
    evidence: {
      period,
      cycles: folded.cycles,
      explained: round4(folded.explained),
      repeatCorrelation: round4(folded.repeatCorrelation),
      amplitude: round4(amplitude),
      profileVariation: round4(variation),
      periodSearched: searched,
    },
    message: DETECTOR_MESSAGES.epochSawtooth({ series: p.series.tag, period, cycles: folded.cycles, amplitude, explained: folded.explained, searched }),
  };
}

/**
 * `epoch-sawtooth`: a per-step training loss that repeats the same within-epoch shape every epoch —
 * the signature of data fed in the same order every epoch (e.g. sorted by class, no shuffling).
 */
export const epochSawtoothDetector: Detector<Options> = {
  id: "epoch-sawtooth",
  defaults: EPOCH_SAWTOOTH_DEFAULTS,
  detect(context, options) {
    return context.series
      .filter((p) => p.series.role === "train-loss" && p.series.stepUnit === "step")
      .map((p) => check(context, p, options))
      .filter((f): f is Finding => f !== null);
  },
};
