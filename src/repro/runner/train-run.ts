import type { Dataset } from "../plan/synthetic-data.js";
import { permutation, createRng, subSeed } from "../plan/rng.js";
import type { ResolvedArm } from "../plan/resolve-arm.js";
import type { ArmRun, ProgressEvent, RunStatus } from "../types.js";
import { buildModel, createOptimizer, setLearningRate } from "./build-model.js";
import { createLrSchedule } from "./lr-schedule.js";
import { tf } from "./tf.js";

const SHUFFLE_STREAM = 4;

/** Limits checked between batches; the injected clock keeps tests deterministic. */
export interface RunLimits {
  deadline: number;
  memoryBytes: number;
  now: () => number;
  signal?: AbortSignal;
}

interface Tensors {
  xVal: tf.Tensor;
  yVal: tf.Tensor;
}

function inputTensor(x: Float32Array, count: number, shape: number[]): tf.Tensor {
  return tf.tensor(x, [count, ...shape], "float32");
}

function labelTensor(y: Int32Array, numClasses: number): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(y, "int32"), numClasses), "float32"));
}

/** Gathers one shuffled epoch of training data as tensors. */
function epochTensors(data: Dataset, order: Int32Array | null): { x: tf.Tensor; y: tf.Tensor } {
  const n = data.yTrain.length;
  const dim = data.xTrain.length / n;
  if (order === null) return { x: inputTensor(data.xTrain, n, data.inputShape), y: labelTensor(data.yTrain, data.numClasses) };
  const x = new Float32Array(data.xTrain.length);
  const y = new Int32Array(n);
  order.forEach((src, dst) => {
    x.set(data.xTrain.subarray(src * dim, (src + 1) * dim), dst * dim);
    y[dst] = data.yTrain[src]!;
  });
  return { x: inputTensor(x, n, data.inputShape), y: labelTensor(y, data.numClasses) };
}

function stopReason(limits: RunLimits): RunStatus | null {
  if (limits.signal?.aborted === true) return "aborted";
  if (limits.now() > limits.deadline) return "time-budget";
  if (tf.memory().numBytes > limits.memoryBytes) return "memory-budget";
  return null;
}

interface Context {
  arm: ResolvedArm;
  data: Dataset;
  seed: number;
  limits: RunLimits;
  onProgress: (event: ProgressEvent) => void;
}

/** Trains one epoch with model.fit; step losses and stop checks come from batch callbacks. */
async function fitEpoch(model: tf.LayersModel, ctx: Context, t: Tensors, order: Int32Array | null, run: ArmRun): Promise<{ loss: number; valLoss: number; stop: RunStatus | null }> {
  const { x, y } = epochTensors(ctx.data, order);
  let stop: RunStatus | null = null;
  try {
    const history = await model.fit(x, y, {
      batchSize: ctx.arm.training.batchSize,
      epochs: 1,
      shuffle: false,
      verbose: 0,
      validationData: [t.xVal, t.yVal],
      yieldEvery: "never",
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          run.stepLoss.push(Number(logs?.["loss"] ?? NaN));
          stop = stopReason(ctx.limits);
          if (stop !== null) model.stopTraining = true;
        },
      },
    });
    run.samples += ctx.data.yTrain.length;
    const first = (key: string): number => Number(history.history[key]?.[0] ?? NaN);
    return { loss: first("loss"), valLoss: first("val_loss"), stop };
  } finally {
    tf.dispose([x, y]);
  }
}

async function trainEpochs(model: tf.LayersModel, optimizer: tf.Optimizer, ctx: Context, t: Tensors, run: ArmRun): Promise<RunStatus> {
  const training = ctx.arm.training;
  const schedule = createLrSchedule(training.schedule, training.lr);
  const shuffleRng = createRng(subSeed(ctx.seed, SHUFFLE_STREAM));
  let lr = training.lr;
  for (let epoch = 0; epoch < training.epochs; epoch++) {
    const early = stopReason(ctx.limits);
    if (early !== null) return early;
    setLearningRate(optimizer, lr);
    const order = training.shuffle ? permutation(ctx.data.yTrain.length, shuffleRng) : null;
    const result = await fitEpoch(model, ctx, t, order, run);
    run.loss.push(result.loss);
    run.valLoss.push(result.valLoss);
    run.lr.push(lr);
    ctx.onProgress({ type: "epoch", arm: ctx.arm.id, seed: ctx.seed, epoch: epoch + 1, epochs: training.epochs, loss: result.loss, valLoss: result.valLoss });
    if (result.stop !== null) return result.stop;
    lr = schedule.next(epoch, { loss: result.loss, val_loss: result.valLoss });
  }
  return "completed";
}

/**
 * Trains one arm with one seed and disposes everything it created (model, optimizer, data tensors),
 * whatever happens: tf.memory().numTensors is the same before and after.
 */
export async function trainRun(arm: ResolvedArm, data: Dataset, seed: number, limits: RunLimits, onProgress: (event: ProgressEvent) => void): Promise<ArmRun> {
  const started = limits.now();
  const run: ArmRun = { arm: arm.id, seed, status: "completed", loss: [], valLoss: [], lr: [], stepLoss: [], samples: 0, durationMs: 0 };
  const t: Tensors = { xVal: inputTensor(data.xVal, data.yVal.length, data.inputShape), yVal: labelTensor(data.yVal, data.numClasses) };
  let model: tf.LayersModel | null = null;
  const optimizer = createOptimizer(arm.training, arm.training.lr);
  try {
    model = await buildModel(arm.model, arm.training, seed);
    model.compile({ optimizer, loss: arm.training.loss });
    run.status = await trainEpochs(model, optimizer, { arm, data, seed, limits, onProgress }, t, run);
  } catch (error) {
    run.status = "failed";
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    model?.dispose();
    optimizer.dispose();
    tf.dispose([t.xVal, t.yVal]);
  }
  run.durationMs = limits.now() - started;
  return run;
}
