import type { Recommendation } from "../../domain/finding.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { ArmInput, TrainingSpec } from "./experiment.schema.js";

/** Defaults of the planner's interventions (documented in docs/repro.md). */
export const INTERVENTION_DEFAULTS = {
  /** Learning rate tried for adaptive optimizers when lowering (Adam's default). */
  adaptiveLr: 1e-3,
  /** Divisor / multiplier of the lr otherwise. */
  lrFactor: 10,
  /** Batch size tried against a too-small batch. */
  batchSize: 32,
  /** L2 factor and dropout rate of the `l2-dropout` arm. */
  l2: 1e-2,
  dropout: 0.5,
  /** ReduceLROnPlateau of the `reduce-lr-on-plateau` arm (tfjs has none built in). */
  plateauFactor: 0.2,
  plateauPatience: 2,
};

/** A short, id-safe number: 0.001 → "1e-3", 32 → "32". */
export function formatArmNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e4) return String(value);
  const [mantissa, exponent] = value.toExponential().split("e");
  const m = Number(Number(mantissa).toPrecision(2));
  return `${m}e${Number(exponent)}`;
}

function proposedNumber(recs: readonly Recommendation[], parameter: string): number | undefined {
  const rec = recs.find((r) => r.parameter === parameter);
  const value = rec === undefined ? NaN : Number(rec.proposed);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

interface Context {
  training: TrainingSpec;
  /** The baseline data is raw 0..255 (otherwise normalising is a no-op and is not planned). */
  rawInputs: boolean;
  config: TrainingConfig;
  recommendations: readonly Recommendation[];
}

type Builder = (ctx: Context) => Omit<ArmInput, "cause"> | null;

const adaptive = (t: TrainingSpec): boolean => t.optimizer !== "sgd" && t.optimizer !== "momentum";

const lowerLr: Builder = ({ training, recommendations }) => {
  const lr = proposedNumber(recommendations, "lr") ?? (adaptive(training) ? Math.min(INTERVENTION_DEFAULTS.adaptiveLr, training.lr / INTERVENTION_DEFAULTS.lrFactor) : training.lr / INTERVENTION_DEFAULTS.lrFactor);
  if (lr >= training.lr) return null;
  return { id: `lr-${formatArmNumber(lr)}`, description: `lr ${formatArmNumber(training.lr)} → ${formatArmNumber(lr)}`, metric: "final-loss", changes: { training: { lr } } };
};

const raiseLr: Builder = ({ training }) => {
  const lr = training.lr * INTERVENTION_DEFAULTS.lrFactor;
  return { id: `lr-${formatArmNumber(lr)}`, description: `lr ${formatArmNumber(training.lr)} → ${formatArmNumber(lr)}`, metric: "final-loss", changes: { training: { lr } } };
};

const largerBatch: Builder = ({ training, recommendations }) => {
  const batchSize = Math.round(proposedNumber(recommendations, "batch_size") ?? Math.max(INTERVENTION_DEFAULTS.batchSize, training.batchSize * 4));
  if (batchSize <= training.batchSize) return null;
  return { id: `batch-${batchSize}`, description: `batch size ${training.batchSize} → ${batchSize}`, metric: "step-noise", changes: { training: { batchSize } } };
};

const l2Dropout: Builder = ({ training }) => ({
  id: "l2-dropout",
  description: `L2 ${formatArmNumber(INTERVENTION_DEFAULTS.l2)} + Dropout ${INTERVENTION_DEFAULTS.dropout}`,
  metric: "final-val-loss",
  changes: { training: { l2: Math.max(training.l2, INTERVENTION_DEFAULTS.l2) }, model: { dropout: INTERVENTION_DEFAULTS.dropout } },
});

const normalizeInputs: Builder = ({ rawInputs }) => (rawInputs ? { id: "normalize-inputs", description: "inputs scaled to [0, 1]", metric: "final-loss", changes: { data: { scale: "unit" } } } : null);

const addBatchNorm: Builder = ({ config }) =>
  config.batchnorm === true ? null : { id: "add-batchnorm", description: "BatchNormalization after every hidden layer", metric: "final-loss", changes: { model: { addBatchNorm: true } } };

const plateauSchedule: Builder = ({ training }) =>
  training.schedule.kind !== "constant"
    ? null
    : {
        id: "reduce-lr-on-plateau",
        description: `ReduceLROnPlateau(factor ${INTERVENTION_DEFAULTS.plateauFactor}, patience ${INTERVENTION_DEFAULTS.plateauPatience})`,
        metric: "final-val-loss",
        changes: { training: { schedule: { kind: "reduce-on-plateau", monitor: "val_loss", factor: INTERVENTION_DEFAULTS.plateauFactor, patience: INTERVENTION_DEFAULTS.plateauPatience, minDelta: 1e-4, cooldown: 0, minLr: 0 } } },
      };

const heInit: Builder = ({ training }) => (training.init === "heNormal" ? null : { id: "he-init", description: `${training.init} → He normal init`, metric: "final-loss", changes: { training: { init: "heNormal" } } });

const switchToAdam: Builder = ({ training }) =>
  training.optimizer === "adam" ? null : { id: "adam-1e-3", description: `${training.optimizer} → Adam lr 1e-3`, metric: "final-loss", changes: { training: { optimizer: "adam", lr: INTERVENTION_DEFAULTS.adaptiveLr } } };

const shuffle: Builder = ({ training }) => (training.shuffle ? null : { id: "shuffle", description: "shuffle every epoch", metric: "final-loss", changes: { training: { shuffle: true } } });

/**
 * Cause id → the intervention that tests it. Causes without an entry (data-mismatch, label-noise,
 * loss-mismatch) cannot be tested on synthetic data with a loss-based metric and are skipped.
 */
export const CAUSE_INTERVENTIONS: Readonly<Record<string, Builder>> = {
  "lr-too-high": lowerLr,
  "exploding-gradients": lowerLr,
  "lr-too-low": raiseLr,
  "batch-too-small": largerBatch,
  "no-regularization": l2Dropout,
  "model-too-large": l2Dropout,
  "too-little-data": l2Dropout,
  "unnormalized-inputs": normalizeInputs,
  "data-outliers": normalizeInputs,
  "missing-batchnorm": addBatchNorm,
  "vanishing-gradients": addBatchNorm,
  "no-lr-schedule": plateauSchedule,
  "bad-init": heInit,
  "optimizer-choice": switchToAdam,
  "no-shuffle": shuffle,
};

/** The arm testing `cause`, or null when the cause has no experiment or the change is a no-op. */
export function interventionFor(cause: string, ctx: Context): ArmInput | null {
  const build = CAUSE_INTERVENTIONS[cause];
  const arm = build?.(ctx) ?? null;
  return arm === null ? null : { ...arm, cause };
}
