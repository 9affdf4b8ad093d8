import type { Finding } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { Series } from "../../domain/series.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { maxOf } from "../../domain/extremes.js";
import { finiteValues, firstNonFinite, MEDIAN_SAMPLE, median, pickAccuracy, pickSeries, tailMedian, varies } from "./curve-stats.js";
import { CAUSE_THRESHOLDS as T } from "./thresholds.js";

/** Class counts whose chance loss ln(C) we recognise without being told C. */
const COMMON_CLASS_COUNTS = [2, 10, 100, 1000] as const;
/** Share of the run whose median is "the end". */
const TAIL_FRACTION = 0.25;

/** What the curves say, computed once per run and shared by every cause scorer. */
export interface CurveSignals {
  /** Any finding of severity warning or error. */
  problem: boolean;
  /** The run has at least one non-empty loss or metric series. */
  hasData: boolean;
  /** Number of classes: config, else inferred from a loss sitting at ln(C). */
  numClasses: number | null;
  /** ln(numClasses) when known. */
  chanceLevel: number | null;
  /** First finite training loss. */
  initialLoss: number | null;
  /** Median training loss over the last quarter. */
  finalLoss: number | null;
  /** Median |training loss|. */
  lossScale: number | null;
  /** The run starts with a loss far above chance (or far above the rest of the run). */
  earlyExplosion: boolean;
  /** The loss behaves like a C-class cross-entropy: C configured, a start near ln(C), or a chance plateau. */
  classification: boolean;
  /** A loss ends (and stays) at the chance level ln(C)... */
  atChance: boolean;
  /** ...at this level (null when not at chance). */
  chanceLoss: number | null;
  /** NaN/Inf from the very start of the run. */
  nonFiniteFromStart: boolean;
  /** A negative value in a loss series. */
  negativeLoss: boolean;
  /** First and best accuracy-like metric values (validation preferred). */
  initialAccuracy: number | null;
  bestAccuracy: number | null;
  /** The logged learning rate changes (a schedule or warm-up is in place). */
  lrVaries: boolean;
  /** max/median of the gradient-norm series, when logged. */
  gradNormBurst: number | null;
  /** Validation loss ends this much (relative) above its minimum, which lies at `valMinPosition` (0..1). */
  valRise: number | null;
  valMinPosition: number | null;
}

function nearChance(value: number, classes: number): boolean {
  return Math.abs(value - Math.log(classes)) <= T.chanceTolerance * Math.log(classes);
}

function inferClasses(config: TrainingConfig, finals: number[], accuracy: number | null, plateau: Finding | undefined, stuck: Finding | undefined): number | null {
  if (config.numClasses !== undefined && config.numClasses >= 2) return config.numClasses;
  const chance = plateau?.evidence["chanceLevel"];
  if (typeof chance === "number" && chance > 0) return Math.round(Math.exp(chance));
  const classes = stuck?.evidence["classes"];
  if (typeof classes === "number" && classes >= 2) return classes;
  for (const c of COMMON_CLASS_COUNTS) {
    const lossMatch = finals.length > 0 && finals.every((v) => nearChance(v, c));
    const accMatch = accuracy === null || Math.abs(accuracy - 1 / c) <= T.chanceAccuracyTolerance;
    if (lossMatch && accMatch) return c;
  }
  return null;
}

/** Relative spread (p90 − p10) / median of the values after the first: a dead network is flat. */
function restSpread(values: Float64Array): number {
  const stride = Math.max(1, Math.floor(values.length / MEDIAN_SAMPLE));
  const rest: number[] = [];
  for (let i = 1; i < values.length; i += stride) rest.push(values[i]!);
  rest.sort((a, b) => a - b);
  const mid = median(rest);
  const lo = rest[Math.floor(rest.length * 0.1)] ?? mid;
  const hi = rest[Math.floor(rest.length * 0.9)] ?? mid;
  return mid > 0 ? (hi - lo) / mid : Infinity;
}

function detectExplosion(values: Float64Array, chance: number | null): boolean {
  const first = values[0];
  if (first === undefined || values.length < 3) return false;
  if (chance !== null) return first >= T.initialOverChance * chance;
  const rest = median(values.subarray(1));
  return rest > 0 && first >= T.explosionOverRest * rest && restSpread(values) <= T.flatRestSpread;
}

/** Rise of the validation loss from its minimum to its end, relative to the minimum, and where the minimum lies (0..1). */
function valRise(values: Float64Array): { rise: number; position: number } | null {
  if (values.length < 5) return null;
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! < values[best]!) best = i;
  const min = values[best]!;
  const end = tailMedian(values, 0.1);
  return min > 0 ? { rise: (end - min) / min, position: best / (values.length - 1) } : null;
}

/** Most confident finding with this detector id. */
export function strongest(findings: readonly Finding[], id: string): Finding | undefined {
  return findings.filter((f) => f.id === id).sort((a, b) => b.confidence - a.confidence)[0];
}

/** Whether the run sits at chance level, and the loss level that does. */
function chanceState(plateau: Finding | undefined, finals: number[], numClasses: number | null): { atChance: boolean; level: number | null } {
  const level = plateau?.evidence["level"];
  if (plateau?.evidence["atChance"] === true && typeof level === "number") return { atChance: true, level };
  const near = numClasses !== null && finals.length > 0 && finals.every((v) => nearChance(v, numClasses));
  return { atChance: near, level: near ? (finals[0] ?? null) : null };
}

/** NaN/Inf at the very start of the training loss (the run's own series, not a validation column). */
function nonFiniteAtStart(train: Series | undefined, nonFinite: Finding | undefined): boolean {
  if (train === undefined) return false;
  const position = nonFinite?.series === train.tag ? nonFinite.evidence["position"] : undefined;
  if (typeof position === "number" && position <= T.earlyPosition) return true;
  const firstBad = firstNonFinite(train);
  return firstBad >= 0 && firstBad <= T.earlyPosition * train.values.length;
}

function hasNegative(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) return true;
  return false;
}

/** Computes the curve signals of a run from its series, config and findings. Pure, O(points). */
export function computeSignals(run: TrainingRun, config: TrainingConfig, findings: readonly Finding[]): CurveSignals {
  const train = pickSeries(run, "train-loss") ?? pickSeries(run, "val-loss");
  const val = pickSeries(run, "val-loss");
  const values = finiteValues(train);
  const rise = val === undefined || val === train ? null : valRise(finiteValues(val));
  const acc = finiteValues(pickAccuracy(run));
  const finalAcc = acc.length > 0 ? tailMedian(acc, TAIL_FRACTION) : null;
  const finals = [values, finiteValues(val)].filter((v) => v.length > 0).map((v) => tailMedian(v, TAIL_FRACTION));
  const plateau = strongest(findings, "plateau");
  const numClasses = inferClasses(config, finals, finalAcc, plateau, strongest(findings, "metric-stuck"));
  const chanceLevel = numClasses === null ? null : Math.log(numClasses);
  const chance = chanceState(plateau, finals, numClasses);
  const trustChance = config.numClasses !== undefined || chance.atChance;
  const gradNorm = finiteValues(pickSeries(run, "grad-norm"));
  return {
    problem: findings.some((f) => f.severity !== "info"),
    hasData: run.series.some((s) => s.values.length > 0 && ["train-loss", "val-loss", "train-metric", "val-metric"].includes(s.role)),
    numClasses,
    chanceLevel,
    initialLoss: values[0] ?? null,
    finalLoss: values.length > 0 ? tailMedian(values, TAIL_FRACTION) : null,
    lossScale: values.length > 0 ? Math.abs(median(values)) : null,
    earlyExplosion: detectExplosion(values, trustChance ? chanceLevel : null),
    atChance: chance.atChance,
    classification: trustChance || (chanceLevel !== null && values.length > 0 && Math.abs((values[0] ?? 0) - chanceLevel) <= T.startNearChance * chanceLevel),
    chanceLoss: chance.level,
    nonFiniteFromStart: nonFiniteAtStart(train, strongest(findings, "non-finite")),
    negativeLoss: run.series.some((s) => (s.role === "train-loss" || s.role === "val-loss") && hasNegative(s.values)),
    initialAccuracy: acc[0] ?? null,
    bestAccuracy: acc.length > 0 ? maxOf(acc) : null,
    lrVaries: varies(pickSeries(run, "learning-rate")),
    valRise: rise?.rise ?? null,
    valMinPosition: rise?.position ?? null,
    gradNormBurst: gradNorm.length >= 3 ? maxOf(gradNorm) / Math.max(median(gradNorm), Number.MIN_VALUE) : null,
  };
}
