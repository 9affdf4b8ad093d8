import type { Layer, ModelSpec, TrainingSpec } from "../plan/experiment.schema.js";
import { subSeed } from "../plan/rng.js";
import { SeededDropout } from "./seeded-dropout.js";
import { tf } from "./tf.js";

/** Seed stream for weight init (see plan/rng.ts subSeed). */
const INIT_STREAM = 2;
const DROPOUT_STREAM = 3;
/**
 * BatchNorm moving-average momentum. Keras' 0.99 needs hundreds of steps before inference-mode
 * statistics settle; repro runs take tens of steps, so validation loss would lag the fix.
 */
const BATCHNORM_MOMENTUM = 0.9;
/** Standard deviation of the `randomNormal` init (the "bad init" arm). */
const RANDOM_NORMAL_STDDEV = 1;

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

function initializer(kind: TrainingSpec["init"], seed: number): Initializer {
  switch (kind) {
    case "glorotUniform":
      return tf.initializers.glorotUniform({ seed });
    case "heNormal":
      return tf.initializers.heNormal({ seed });
    case "lecunUniform":
      return tf.initializers.leCunUniform({ seed });
    case "randomNormal":
      return tf.initializers.randomNormal({ mean: 0, stddev: RANDOM_NORMAL_STDDEV, seed });
  }
}

function toTfLayer(layer: Layer, index: number, training: TrainingSpec, seed: number): tf.layers.Layer {
  const base = {};
  const layerSeed = subSeed(seed, INIT_STREAM * 1000 + index);
  const weights = {
    kernelInitializer: initializer(training.init, layerSeed),
    ...(training.l2 > 0 ? { kernelRegularizer: tf.regularizers.l2({ l2: training.l2 }) } : {}),
  };
  switch (layer.type) {
    case "dense":
      return tf.layers.dense({ ...base, ...weights, units: layer.units, activation: layer.activation ?? "linear" });
    case "conv2d":
      return tf.layers.conv2d({ ...base, ...weights, filters: layer.filters, kernelSize: layer.kernelSize, strides: layer.strides ?? 1, padding: layer.padding ?? "valid", activation: layer.activation ?? "linear" });
    case "maxPooling2d":
      return tf.layers.maxPooling2d({ ...base, poolSize: layer.poolSize, ...(layer.strides === undefined ? {} : { strides: layer.strides }) });
    case "flatten":
      return tf.layers.flatten(base);
    case "dropout":
      return new SeededDropout(layer.rate, subSeed(seed, DROPOUT_STREAM * 1000 + index));
    case "batchNormalization":
      return tf.layers.batchNormalization({ ...base, momentum: BATCHNORM_MOMENTUM });
    case "activation":
      return tf.layers.activation({ ...base, activation: layer.activation });
  }
}

/** Builds a seeded Sequential model from a layer list; same seed, same initial weights. */
function buildLayersModel(spec: Extract<ModelSpec, { kind: "layers" }>, training: TrainingSpec, seed: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: spec.inputShape }));
  spec.layers.forEach((layer, index) => model.add(toTfLayer(layer, index, training, seed)));
  return model;
}

/** Keras 3 writes `batch_shape`; tfjs reads Keras 2's `batch_input_shape`. Renamed recursively. */
export function fixKeras3Topology(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fixKeras3Topology);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === "batch_shape" ? "batch_input_shape" : k, fixKeras3Topology(v)]));
}

/** Re-initialises every weight from the run seed so Keras JSON models are seeded too. */
function reseedWeights(model: tf.LayersModel, training: TrainingSpec, seed: number): void {
  model.weights.forEach((weight, index) => {
    const name = weight.originalName;
    const shape = weight.shape as number[];
    const value = tf.tidy(() => {
      if (/kernel|embeddings/.test(name)) return initializer(training.init, subSeed(seed, INIT_STREAM * 1000 + index)).apply(shape);
      return /gamma|moving_variance/.test(name) ? tf.ones(shape) : tf.zeros(shape);
    });
    weight.write(value);
    value.dispose();
  });
}

async function buildKerasJsonModel(spec: Extract<ModelSpec, { kind: "keras-json" }>, training: TrainingSpec, seed: number): Promise<tf.LayersModel> {
  const topology = fixKeras3Topology(spec.topology) as tf.io.ModelJSON["modelTopology"] & object;
  const model = await tf.models.modelFromJSON({ modelTopology: topology } as tf.io.ModelJSON);
  reseedWeights(model, training, seed);
  return model;
}

/** Builds the model an arm trains. Keras JSON is data only: no custom objects, no user code. */
export async function buildModel(spec: ModelSpec, training: TrainingSpec, seed: number): Promise<tf.LayersModel> {
  return spec.kind === "layers" ? buildLayersModel(spec, training, seed) : buildKerasJsonModel(spec, training, seed);
}

/** The optimizer of a training spec, at `lr`. */
export function createOptimizer(training: TrainingSpec, lr: number): tf.Optimizer {
  switch (training.optimizer) {
    case "sgd":
      return tf.train.sgd(lr);
    case "momentum":
      return tf.train.momentum(lr, training.momentum);
    case "adam":
      return tf.train.adam(lr);
    case "rmsprop":
      return tf.train.rmsprop(lr);
    case "adagrad":
      return tf.train.adagrad(lr);
    case "adamax":
      return tf.train.adamax(lr);
  }
}

/** Changes an optimizer's learning rate in place (tfjs has no public setter on most optimizers). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  const target = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof target.setLearningRate === "function") target.setLearningRate(lr);
  else target.learningRate = lr;
}
