import type { Finding } from "../domain/finding.js";
import type { TrainingRun } from "../domain/run.js";
import { SEVERITY_RANK } from "../domain/severity.js";
import { PREPARE_DEFAULTS, resolveOptions } from "./detector-options.js";
import { epochSawtoothDetector } from "./detectors/epoch-sawtooth.js";
import { lossJumpDetector } from "./detectors/loss-jump.js";
import { divergenceDetector } from "./detectors/divergence.js";
import { metricStuckDetector } from "./detectors/metric-stuck.js";
import { noisyDetector } from "./detectors/noisy.js";
import { neverFiniteDetector } from "./detectors/never-finite.js";
import { nonFiniteDetector } from "./detectors/non-finite.js";
import { oscillationDetector } from "./detectors/oscillation.js";
import { overfittingDetector } from "./detectors/overfitting.js";
import { plateauDetector } from "./detectors/plateau.js";
import { prepareSeries } from "./detectors/prepare-series.js";
import { slowConvergenceDetector } from "./detectors/slow-convergence.js";
import { spikesDetector } from "./detectors/spikes.js";
import type { Detector, DetectorContext } from "./detectors/types.js";
import { valBelowTrainDetector } from "./detectors/val-below-train.js";

export interface DetectOptions {
  /** Detector ids to skip. */
  disabled?: string[];
  /** Per-detector threshold overrides: `{ divergence: { explodeRatio: 20 } }` (key `prepare` for series preparation). */
  thresholds?: Record<string, Record<string, number>>;
  /** Number of classes, when known: enables the ln(C) chance level. */
  numClasses?: number;
}

/**
 * Every detector, in report order. The cast erases each detector's own options type: `detectFindings`
 * always passes `resolveOptions(detector.defaults, …)`, which has exactly that type.
 */
export const DETECTORS: readonly Detector[] = [
  nonFiniteDetector,
  neverFiniteDetector,
  divergenceDetector,
  oscillationDetector,
  epochSawtoothDetector,
  spikesDetector,
  plateauDetector,
  slowConvergenceDetector,
  overfittingDetector,
  valBelowTrainDetector,
  lossJumpDetector,
  noisyDetector,
  metricStuckDetector,
] as Detector[];

export const DETECTOR_IDS: readonly string[] = DETECTORS.map((d) => d.id);

const DIAGNOSABLE = new Set(["train-loss", "val-loss", "train-metric", "val-metric", "grad-norm"]);

const NUM_CLASSES_KEYS = ["numClasses", "num_classes", "n_classes", "nb_classes", "num_labels"];

function numClassesOf(run: TrainingRun, options: DetectOptions): number | undefined {
  if (options.numClasses !== undefined) return options.numClasses;
  for (const key of NUM_CLASSES_KEYS) {
    const value = Number(run.hparams[key]);
    if (Number.isInteger(value) && value >= 2) return value;
  }
  return undefined;
}

/** Builds the shared context: every diagnosable series prepared once (linear time). */
export function buildContext(run: TrainingRun, options: DetectOptions = {}): DetectorContext {
  const prepare = resolveOptions(PREPARE_DEFAULTS, options.thresholds?.prepare);
  const usable = run.series.filter((s) => s.values.length > 0 && s.values.length === s.steps.length);
  const lr = usable.find((s) => s.role === "learning-rate");
  const context: DetectorContext = {
    run,
    series: usable.filter((s) => DIAGNOSABLE.has(s.role)).map((s) => prepareSeries(s, prepare)),
  };
  if (lr !== undefined) context.learningRate = lr;
  const numClasses = numClassesOf(run, options);
  if (numClasses !== undefined) context.numClasses = numClasses;
  return context;
}

/** Per detector id, the finding ids that make its findings redundant on the same series. */
const SUPERSEDED_BY: ReadonlyMap<string, readonly string[]> = new Map(DETECTORS.map((d) => [d.id, d.supersededBy ?? []]));

/** Drops findings made redundant by another finding on the same series (`Detector.supersededBy`). */
function withoutSuperseded(findings: Finding[]): Finding[] {
  const present = new Set(findings.map((f) => `${f.id}\u0000${f.series}`));
  return findings.filter((f) => !(SUPERSEDED_BY.get(f.id) ?? []).some((id) => present.has(`${id}\u0000${f.series}`)));
}

/**
 * Runs every enabled detector over one run and returns its findings, most severe first.
 *
 * Pipeline: (1) prepare each loss/metric series once — direction-normalise (lower is better), cut at
 * the first non-finite value, robust local trend and residual noise, decimate to ≤ 200 bucket
 * medians; (2) each detector (one file per id in detectors/) checks the prepared series with its
 * named thresholds (detector-options.ts); (3) sort. Pure and deterministic; linear in the number of points.
 */
export function detectFindings(run: TrainingRun, options: DetectOptions = {}): Finding[] {
  const context = buildContext(run, options);
  const disabled = new Set(options.disabled ?? []);
  const findings: Finding[] = [];
  for (const detector of DETECTORS) {
    if (disabled.has(detector.id)) continue;
    const thresholds = resolveOptions(detector.defaults, options.thresholds?.[detector.id]);
    findings.push(...detector.detect(context, thresholds));
  }
  const order = new Map(DETECTOR_IDS.map((id, i) => [id, i]));
  return withoutSuperseded(findings).sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0) || a.series.localeCompare(b.series),
  );
}
