import type { Finding } from "../domain/finding.js";
import { formatNumber as n } from "./format-number.js";

/** Title and one-line explanation of every cause id (user-facing catalogue). */
export const CAUSE_INFO: Readonly<Record<string, { title: string; summary: string }>> = {
  "lr-too-high": { title: "Learning rate too high", summary: "Updates overshoot the minimum: the loss explodes, oscillates or dies at chance level." },
  "lr-too-low": { title: "Learning rate too low", summary: "Updates are too small to make progress within the training budget." },
  "batch-too-small": { title: "Batch too small", summary: "Each gradient is estimated from too few samples, so updates are dominated by noise." },
  "no-regularization": { title: "No regularization", summary: "Nothing stops the model from memorising the training set." },
  "model-too-large": { title: "Model too large for the data", summary: "Capacity far exceeds what the data can constrain, so the model fits noise." },
  "too-little-data": { title: "Too little training data", summary: "The training set is too small for the model to generalise." },
  "unnormalized-inputs": { title: "Inputs not normalized", summary: "Raw-scale inputs (e.g. pixels 0..255) give huge activations and gradients at the start." },
  "data-outliers": { title: "Outliers in the data or targets", summary: "A few extreme samples or unscaled targets dominate the loss and its gradients." },
  "missing-batchnorm": { title: "No normalization layers", summary: "Without BatchNorm/LayerNorm, deep nets are sensitive to scale and learning rate." },
  "bad-init": { title: "Bad weight initialization", summary: "Initial weights are far from a variance-preserving scale, so signals explode or vanish." },
  "loss-mismatch": { title: "Loss and output do not match", summary: "The loss function, output activation and targets are not paired correctly (or the loss is numerically unstable)." },
  "label-noise": { title: "Noisy labels", summary: "Part of the labels are wrong: validation never gets good and the model memorises the noise." },
  "no-shuffle": { title: "Training data not shuffled", summary: "Batches follow the data order (e.g. sorted by class), so each epoch drags the model back and forth." },
  "no-lr-schedule": { title: "No learning-rate schedule", summary: "A constant learning rate stalls or bounces once the loss gets close to a minimum." },
  "data-mismatch": { title: "Train/validation mismatch", summary: "Validation data is preprocessed or distributed differently from training data." },
  "optimizer-choice": { title: "Optimizer choice", summary: "The optimizer (or its settings) is a poor fit: plain SGD without momentum, or Adam with coupled L2." },
  "vanishing-gradients": { title: "Vanishing gradients", summary: "Gradients shrink layer by layer (saturating activations, tiny init, depth), so early layers do not learn." },
  "exploding-gradients": { title: "Exploding gradients", summary: "Gradients grow without bound and overflow to Inf/NaN." },
  "restart-without-state": {
    title: "Resumed without its training state",
    summary: "The run was resumed from a checkpoint, but the learning-rate schedule (and usually the optimizer's moment estimates) started over, so the first updates knocked the model back.",
  },
};

/** Evidence sentences (always with the numbers behind them). */
export const evidence = {
  finding: (f: Finding, unit: "step" | "epoch" = "step"): string =>
    `${f.id} on ${f.series} (${unit}s ${n(f.fromStep)}–${n(f.toStep)}, confidence ${n(f.confidence)})`,
  noFinding: (id: string): string => `no ${id} finding`,
  lrVsSafe: (optimizer: string, lr: number, limit: number): string => `${optimizer} lr=${n(lr)} is ${n(lr / limit)}× the usual upper end ${n(limit)}`,
  lrInRange: (optimizer: string, lr: number): string => `${optimizer} lr=${n(lr)} is in the usual range`,
  lrLow: (optimizer: string, lr: number, limit: number): string => `${optimizer} lr=${n(lr)} is at or below ${n(limit)}`,
  sgdEffective: (lr: number, momentum: number, effective: number): string =>
    `SGD lr=${n(lr)} with momentum ${n(momentum)} is an effective step of ${n(effective)}`,
  explosion: (initial: number, reference: number, what: string): string => `the loss starts at ${n(initial)}, ${n(initial / reference)}× ${what}`,
  atChance: (level: number, classes: number): string => `the loss ends at ${n(level)} ≈ ln(${classes}), chance level for ${classes} classes`,
  notAtChance: (level: number): string => `the loss ends at ${n(level)}, well away from chance level`,
  nanFromStart: (): string => "the loss is NaN/Inf from the start of the run",
  nanLate: (position: number, lastFinite: number): string => `the loss turns NaN/Inf at ${Math.round(position * 100)}% of the run while it was ${n(lastFinite)}`,
  negativeLoss: (): string => "a loss series has negative values (impossible for cross-entropy)",
  configValue: (key: string, value: string | number | boolean): string => `config: ${key}=${String(value)}`,
  batch: (size: number): string => `batch size ${n(size)}`,
  trainSize: (size: number): string => `${n(size)} training samples`,
  overfitOnset: (bestStep: number, bestValue: number, finalValue: number): string =>
    `validation loss bottoms out at ${n(bestValue)} (step ${n(bestStep)}) and climbs to ${n(finalValue)}`,
  poorBest: (best: number, chance: number): string => `the best validation loss ${n(best)} is ${n(best / chance)}× chance level`,
  poorAccuracy: (acc: number): string => `validation accuracy never exceeds ${n(acc)}`,
  tinyInitialLoss: (initial: number, chance: number, acc: number): string =>
    `the loss starts at ${n(initial)} (chance-level cross-entropy would be ${n(chance)}) while accuracy is only ${n(acc)}`,
  hugeLoss: (scale: number): string => `the loss is of order ${n(scale)}: targets look unscaled or contain extreme values`,
  lrSchedulePresent: (): string => "the logged learning rate changes during training (a schedule is in place)",
  lrRestart: (from: number, to: number, step: number): string =>
    `the learning rate went back up from ${n(from)} to ${n(to)} at step ${n(step)}, where the loss jumped`,
  gradBurst: (ratio: number): string => `gradient norm peaks at ${n(ratio)}× its median`,
  deepModel: (layers: number): string => `${layers} hidden layers`,
  activation: (name: string): string => `hidden activation ${name} saturates`,
  initStd: (std: number): string => `weight init std ${n(std)}`,
  explosive: (ratio: number): string => `the loss grows ${n(ratio)}× (explosive)`,
  momentumZero: (): string => "plain SGD without momentum",
  adamWithL2: (optimizer: string, wd: number): string => `${optimizer} with weight_decay=${n(wd)} couples L2 with the adaptive step (AdamW decouples it)`,
  earlyOverfit: (position: number): string => `validation loss is best at ${Math.round(position * 100)}% of the run`,
  scheduleConfigured: (): string => "config: a learning-rate schedule is configured",
  gradClip: (value: number): string => `gradient clipping at ${n(value)} is configured`,
  defaultGradClip: (value: number): string => `the Hugging Face Trainer clips gradients at max_grad_norm=${n(value)} by default (its logged grad_norm is measured before clipping)`,
  pairing: (loss: string, activation: string): string => `loss ${loss} with output activation ${activation}`,
  mseOnClasses: (loss: string): string => `regression loss ${loss} on a classification task`,
  unstableLoss: (loss: string): string => `loss ${loss} is numerically unstable (log of softmax)`,
  wideModel: (model: string): string => `model ${model} has wide layers`,
  quietSteps: (tag: string, points: number): string => `${tag} is not noisy over ${points} logged steps`,
  hugeLastFinite: (value: number): string => `the last finite loss was ${n(value)}: it blew up before turning NaN/Inf`,
  mildOverfit: (rise: number, position: number): string =>
    `validation loss ends ${Math.round(rise * 100)}% above its minimum, reached at ${Math.round(position * 100)}% of the run`,
  valBelowTrain: (gap: number): string => `validation loss sits ${Math.round(gap * 100)}% below training loss`,
};

/** Messages for configuration input problems (`--config`, `--hparam`). */
export const configMessages = {
  hparamMalformed: (arg: string): string => `--hparam '${arg}' is not key=value; write e.g. --hparam lr=1e-3.`,
  notAMapping: (path: string): string => `${path}: the config is not a key/value mapping; it was ignored.`,
  unparsable: (path: string, detail: string): string => `${path}: cannot parse the config as YAML or JSON (${detail}); fix the syntax or drop --config.`,
  tooLarge: (path: string, limit: number): string => `${path}: the config is larger than ${limit} bytes; pass a smaller file.`,
  unreadable: (path: string, reason: string): string => `${path}: cannot read the config file (${reason}).`,
};
