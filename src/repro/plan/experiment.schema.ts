import { z } from "zod";

/**
 * A reproduction experiment as plain JSON data. Nothing in a plan is executable: the runner maps
 * every field to a fixed tfjs construct, so a plan taken from a pull request is safe to run.
 *
 * baseline (model + data + training) ──► arms[i].changes applied on top ──► seeds × arms runs
 */

export const ActivationSchema = z.enum(["linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu"]);
export type Activation = z.infer<typeof ActivationSchema>;

const positiveInt = z.number().int().positive();

export const LayerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("dense"), units: positiveInt, activation: ActivationSchema.optional() }),
  z.object({
    type: z.literal("conv2d"),
    filters: positiveInt,
    kernelSize: positiveInt,
    strides: positiveInt.optional(),
    padding: z.enum(["valid", "same"]).optional(),
    activation: ActivationSchema.optional(),
  }),
  z.object({ type: z.literal("maxPooling2d"), poolSize: positiveInt, strides: positiveInt.optional() }),
  z.object({ type: z.literal("flatten") }),
  z.object({ type: z.literal("dropout"), rate: z.number().min(0).max(0.95) }),
  z.object({ type: z.literal("batchNormalization") }),
  z.object({ type: z.literal("activation"), activation: ActivationSchema }),
]);
export type Layer = z.infer<typeof LayerSchema>;

export const ModelSpecSchema = z.discriminatedUnion("kind", [
  /** A Keras-like layer list; the input shape excludes the batch axis. */
  z.object({ kind: z.literal("layers"), inputShape: z.array(positiveInt).min(1).max(3), layers: z.array(LayerSchema).min(1).max(64) }),
  /** A Keras model topology JSON (Keras 2 or 3), loaded with tfjs `modelFromJSON`. */
  z.object({ kind: z.literal("keras-json"), topology: z.record(z.string(), z.unknown()) }),
]);
export type ModelSpec = z.infer<typeof ModelSpecSchema>;

export const DataSpecSchema = z.discriminatedUnion("kind", [
  /**
   * Seeded synthetic classification: class prototypes plus Gaussian noise, shaped like the user's
   * input. `scale: "raw-0-255"` reproduces unnormalised pixel inputs. `labelNoise` flips that
   * fraction of training labels (memorisation pressure for the overfitting arm).
   */
  z.object({
    kind: z.literal("synthetic"),
    inputShape: z.array(positiveInt).min(1).max(3),
    numClasses: z.number().int().min(2).max(100),
    trainSize: positiveInt.max(100_000),
    valSize: positiveInt.max(100_000),
    scale: z.enum(["unit", "raw-0-255"]).default("unit"),
    noise: z.number().min(0).max(10).default(1),
    labelNoise: z.number().min(0).max(0.9).default(0),
  }),
  /** A small numeric CSV from the repository: one row per sample, the label column holds class ids. */
  z.object({
    kind: z.literal("csv"),
    path: z.string().min(1),
    labelColumn: z.string().min(1),
    valFraction: z.number().gt(0).lt(1).default(0.2),
    scale: z.enum(["as-is", "unit"]).default("as-is"),
  }),
  /** Small `.npy` arrays from the repository (x: [N, ...inputShape] float/uint8, y: [N] class ids). */
  z.object({
    kind: z.literal("npy"),
    xPath: z.string().min(1),
    yPath: z.string().min(1),
    valFraction: z.number().gt(0).lt(1).default(0.2),
    scale: z.enum(["as-is", "unit"]).default("as-is"),
  }),
]);
export type DataSpec = z.infer<typeof DataSpecSchema>;

export const ScheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("constant") }),
  /** Keras ReduceLROnPlateau semantics (monitor, factor, patience, minDelta, cooldown, minLr). */
  z.object({
    kind: z.literal("reduce-on-plateau"),
    monitor: z.enum(["loss", "val_loss"]).default("val_loss"),
    factor: z.number().gt(0).lt(1).default(0.1),
    patience: z.number().int().min(0).default(10),
    minDelta: z.number().min(0).default(1e-4),
    cooldown: z.number().int().min(0).default(0),
    minLr: z.number().min(0).default(0),
  }),
  z.object({ kind: z.literal("step"), everyEpochs: positiveInt, factor: z.number().gt(0).lt(1) }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

const optimizerField = z.enum(["sgd", "momentum", "adam", "rmsprop", "adagrad", "adamax"]);
const lrField = z.number().gt(0).max(100);
const momentumField = z.number().min(0).lt(1);
const batchSizeField = positiveInt.max(4096);
const epochsField = positiveInt.max(1000);
const lossField = z.enum(["categoricalCrossentropy", "meanSquaredError"]);
const l2Field = z.number().min(0).max(10);
const initField = z.enum(["glorotUniform", "heNormal", "lecunUniform", "randomNormal"]);

export const TrainingSpecSchema = z.object({
  optimizer: optimizerField.default("adam"),
  lr: lrField.default(1e-3),
  /** Only for `momentum`. */
  momentum: momentumField.default(0.9),
  batchSize: batchSizeField.default(32),
  epochs: epochsField.default(10),
  loss: lossField.default("categoricalCrossentropy"),
  schedule: ScheduleSchema.default({ kind: "constant" }),
  /** L2 factor on every Dense/Conv2D kernel; 0 = none. */
  l2: l2Field.default(0),
  init: initField.default("glorotUniform"),
  shuffle: z.boolean().default(true),
});

/** An arm's training overrides: the same fields without defaults (absent = keep the baseline's). */
export const TrainingChangesSchema = z
  .object({
    optimizer: optimizerField,
    lr: lrField,
    momentum: momentumField,
    batchSize: batchSizeField,
    epochs: epochsField,
    loss: lossField,
    schedule: ScheduleSchema,
    l2: l2Field,
    init: initField,
    shuffle: z.boolean(),
  })
  .partial();
export type TrainingSpec = z.infer<typeof TrainingSpecSchema>;

/** Structural model changes an arm can ask for (applied to `layers` models only). */
export const ModelChangesSchema = z.object({
  /** Insert BatchNormalization before the activation of every hidden Dense/Conv2D layer. */
  addBatchNorm: z.boolean().optional(),
  /** Insert Dropout(rate) after every hidden Dense/Conv2D layer. */
  dropout: z.number().gt(0).max(0.9).optional(),
  /** Replace the activation of every hidden layer. */
  hiddenActivation: ActivationSchema.optional(),
});

/** What the analysis compares for an arm (see analysis/metrics.ts). */
export const MetricSchema = z.enum(["final-loss", "final-val-loss", "step-noise", "generalization-gap"]);
export type Metric = z.infer<typeof MetricSchema>;

export const ArmSchema = z.object({
  /** Names what it changes: `baseline`, `lr-1e-3`, `batch-32`, `add-batchnorm`, `l2-dropout`, ... */
  id: z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/),
  description: z.string(),
  /** The diagnosis cause this arm tests (a cause id), absent on the baseline. */
  cause: z.string().optional(),
  /** The measurement that must improve for the fix to count. */
  metric: MetricSchema.default("final-loss"),
  changes: z
    .object({
      training: TrainingChangesSchema.optional(),
      data: z.object({ scale: z.enum(["unit", "raw-0-255"]) }).partial().optional(),
      model: ModelChangesSchema.optional(),
    })
    .default({}),
});
export type Arm = z.infer<typeof ArmSchema>;
export type ArmInput = z.input<typeof ArmSchema>;

export const BudgetSchema = z.object({
  /** Wall-clock limit of the whole experiment; unfinished runs are reported as cut. */
  timeMs: positiveInt.default(120_000),
  /** Largest tfjs memory (bytes) a run may hold; checked each epoch. */
  memoryBytes: positiveInt.default(512 * 1024 * 1024),
});

export const ExperimentPlanSchema = z.object({
  version: z.literal(1).default(1),
  name: z.string().default("experiment"),
  /** Detector ids whose presence counts as "the symptom" (e.g. divergence, non-finite). */
  symptoms: z.array(z.string()).default([]),
  model: ModelSpecSchema,
  data: DataSpecSchema,
  training: TrainingSpecSchema,
  /** The first arm is the baseline (no changes); the others are interventions. */
  arms: z.array(ArmSchema).min(1).max(16),
  seeds: z.array(z.number().int().min(0)).min(1).max(20).default([1, 2, 3]),
  budget: BudgetSchema.default({ timeMs: 120_000, memoryBytes: 512 * 1024 * 1024 }),
  /** Significance level of the per-intervention test. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** Where the plan came from (run name, ranked cause ids); informational. */
  source: z
    .object({ run: z.string().optional(), causes: z.array(z.string()).default([]), assumptions: z.array(z.string()).default([]) })
    .default({ causes: [], assumptions: [] }),
});
export type ExperimentPlan = z.infer<typeof ExperimentPlanSchema>;
export type ExperimentPlanInput = z.input<typeof ExperimentPlanSchema>;
