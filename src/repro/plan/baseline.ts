import type { TrainingConfig } from "../../domain/training-config.js";
import type { DataSpec, ExperimentPlanInput, ModelSpec, TrainingSpec } from "./experiment.schema.js";
import { planMessages } from "./messages.js";

/** Defaults of the planner's baseline (documented in docs/repro.md). */
export const BASELINE_DEFAULTS = {
  inputDim: 16,
  numClasses: 4,
  hiddenUnits: 32,
  trainSize: 256,
  valSize: 128,
  /** Epochs are capped: a reproduction needs the symptom, not a converged model. */
  maxEpochs: 10,
  /** Suspicious values assumed when the config does not say and the cause is suspected. */
  suspiciousLr: 1.0,
  tooLowLr: 1e-5,
  tinyBatch: 1,
  tinyTrainSize: 32,
  deepLayers: 8,
  wideUnits: 128,
};

type Optimizer = TrainingSpec["optimizer"];

/** Maps a config optimizer name (adam, AdamW, SGD, torch.optim.RMSprop, ...) to a tfjs optimizer. */
export function toOptimizer(name: string | undefined, momentum: number | undefined): Optimizer {
  const n = (name ?? "adam").toLowerCase();
  if (n.includes("adamax")) return "adamax";
  if (n.includes("adam")) return "adam";
  if (n.includes("rmsprop")) return "rmsprop";
  if (n.includes("adagrad")) return "adagrad";
  if (n.includes("sgd") || n.includes("momentum")) return momentum !== undefined && momentum > 0 ? "momentum" : "sgd";
  return "adam";
}

/** What the planner decided, plus every value it had to assume. */
export interface Baseline {
  model: ModelSpec;
  data: DataSpec;
  training: ExperimentPlanInput["training"];
  assumptions: string[];
}

export interface BaselineInputs {
  config: TrainingConfig;
  causes: ReadonlySet<string>;
  inputShape?: number[];
  numClasses?: number;
}

function pickLr(config: TrainingConfig, causes: ReadonlySet<string>, optimizer: Optimizer, assume: (s: string) => void): number {
  if (config.lr !== undefined) return config.lr;
  if (causes.has("lr-too-high") || causes.has("exploding-gradients")) {
    assume(planMessages.assumedHighLr(BASELINE_DEFAULTS.suspiciousLr));
    return BASELINE_DEFAULTS.suspiciousLr;
  }
  if (causes.has("lr-too-low")) {
    assume(planMessages.assumedLowLr(BASELINE_DEFAULTS.tooLowLr));
    return BASELINE_DEFAULTS.tooLowLr;
  }
  return optimizer === "sgd" || optimizer === "momentum" ? 0.01 : 1e-3;
}

function pickBatch(config: TrainingConfig, causes: ReadonlySet<string>, assume: (s: string) => void): number {
  if (config.batchSize !== undefined) return config.batchSize;
  if (causes.has("batch-too-small")) {
    assume(planMessages.assumedTinyBatch(BASELINE_DEFAULTS.tinyBatch));
    return BASELINE_DEFAULTS.tinyBatch;
  }
  return 32;
}

function buildModel(inputShape: number[], classes: number, config: TrainingConfig, causes: ReadonlySet<string>, assume: (s: string) => void): ModelSpec {
  const out = { type: "dense" as const, units: classes, activation: "softmax" as const };
  const extras = [...(config.batchnorm === true ? [{ type: "batchNormalization" as const }] : []), ...(config.dropout !== undefined && config.dropout > 0 ? [{ type: "dropout" as const, rate: config.dropout }] : [])];
  if (inputShape.length === 3) {
    return { kind: "layers", inputShape, layers: [{ type: "conv2d", filters: 8, kernelSize: 3, activation: "relu" }, ...extras, { type: "maxPooling2d", poolSize: 2 }, { type: "flatten" }, out] };
  }
  const deep = causes.has("vanishing-gradients") || causes.has("missing-batchnorm");
  const wide = causes.has("model-too-large") || causes.has("no-regularization") || causes.has("too-little-data");
  if (deep) assume(planMessages.assumedDeepSigmoid(BASELINE_DEFAULTS.deepLayers));
  const count = deep ? BASELINE_DEFAULTS.deepLayers : 2;
  const units = wide ? BASELINE_DEFAULTS.wideUnits : BASELINE_DEFAULTS.hiddenUnits;
  const hidden = Array.from({ length: count }, () => [{ type: "dense" as const, units, activation: deep ? ("sigmoid" as const) : ("relu" as const) }, ...extras]).flat();
  return { kind: "layers", inputShape, layers: [...hidden, out] };
}

function buildData(inputShape: number[], classes: number, config: TrainingConfig, causes: ReadonlySet<string>, assume: (s: string) => void): DataSpec {
  const raw = config.normalizedInputs === false || (config.normalizedInputs === undefined && (causes.has("unnormalized-inputs") || causes.has("data-outliers")));
  if (raw && config.normalizedInputs === undefined) assume(planMessages.assumedRawInputs());
  const tiny = causes.has("too-little-data") || causes.has("no-regularization") || causes.has("model-too-large");
  const small = causes.has("batch-too-small");
  if (tiny) assume(planMessages.assumedTinyData(BASELINE_DEFAULTS.tinyTrainSize));
  const trainSize = Math.min(config.trainSize ?? Infinity, tiny ? BASELINE_DEFAULTS.tinyTrainSize : small ? 96 : BASELINE_DEFAULTS.trainSize);
  return {
    kind: "synthetic",
    inputShape,
    numClasses: classes,
    trainSize,
    valSize: BASELINE_DEFAULTS.valSize,
    scale: raw ? "raw-0-255" : "unit",
    noise: tiny ? 2.5 : 1,
    labelNoise: tiny ? 0.25 : 0,
  };
}

/** The baseline arm: the user's configuration where known, the suspected anti-pattern where not. */
export function planBaseline(inputs: BaselineInputs): Baseline {
  const { config, causes } = inputs;
  const assumptions: string[] = [];
  const assume = (s: string): void => void assumptions.push(s);
  const inputShape = inputs.inputShape ?? [BASELINE_DEFAULTS.inputDim];
  const classes = Math.max(2, Math.min(100, inputs.numClasses ?? config.numClasses ?? BASELINE_DEFAULTS.numClasses));
  const optimizer = toOptimizer(config.optimizer, config.momentum);
  const data = buildData(inputShape, classes, config, causes, assume);
  const batchSize = Math.min(pickBatch(config, causes, assume), data.kind === "synthetic" ? data.trainSize : Infinity);
  const epochs = Math.min(config.epochs ?? BASELINE_DEFAULTS.maxEpochs, BASELINE_DEFAULTS.maxEpochs, batchSize === 1 ? 3 : Infinity);
  const training: ExperimentPlanInput["training"] = {
    optimizer,
    lr: pickLr(config, causes, optimizer, assume),
    ...(config.momentum === undefined ? {} : { momentum: Math.min(config.momentum, 0.99) }),
    batchSize,
    epochs,
    l2: config.weightDecay ?? 0,
    shuffle: config.shuffle ?? true,
    schedule: config.lrSchedule === true ? { kind: "reduce-on-plateau" } : { kind: "constant" },
  };
  return { model: buildModel(inputShape, classes, config, causes, assume), data, training, assumptions };
}
