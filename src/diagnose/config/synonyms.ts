import type { TrainingConfig } from "../../domain/training-config.js";

/** Canonical TrainingConfig keys a raw hyperparameter name can map to (plus a few `extra` keys). */
export type CanonicalKey = keyof Omit<TrainingConfig, "extra"> | `extra.${ExtraKey}`;

/** Well-known facts without a TrainingConfig field; kept in `extra` under these names. */
export type ExtraKey = "activation" | "initStd" | "labelNoise" | "model" | "gradClip" | "warmup" | "gradAccumulation";

/**
 * Raw names (lower-case, `-`/space → `_`) and what they mean. Covers Keras, PyTorch scripts, Lightning,
 * Hugging Face `TrainingArguments` (`per_device_train_batch_size`, `num_train_epochs`) and YOLO (`lr0`, `nc`).
 */
export const HPARAM_SYNONYMS: Readonly<Record<string, CanonicalKey>> = {
  optimizer: "optimizer", optim: "optimizer", opt: "optimizer", optimizer_name: "optimizer",
  optimizer_type: "optimizer", solver: "optimizer",
  lr: "lr", learning_rate: "lr", learningrate: "lr", lr0: "lr", base_lr: "lr", init_lr: "lr",
  initial_lr: "lr", initial_learning_rate: "lr", max_lr: "lr", peak_lr: "lr",
  batch_size: "batchSize", batchsize: "batchSize", bs: "batchSize", batch: "batchSize",
  per_device_train_batch_size: "batchSize", train_batch_size: "batchSize", mini_batch_size: "batchSize",
  micro_batch_size: "batchSize",
  epochs: "epochs", num_epochs: "epochs", n_epochs: "epochs", max_epochs: "epochs",
  num_train_epochs: "epochs", nb_epoch: "epochs", total_epochs: "epochs",
  momentum: "momentum", sgd_momentum: "momentum",
  weight_decay: "weightDecay", wd: "weightDecay", l2: "weightDecay", l2_reg: "weightDecay",
  l2_lambda: "weightDecay", l2_regularization: "weightDecay", decay: "weightDecay",
  dropout: "dropout", dropout_rate: "dropout", drop_rate: "dropout", dropout_p: "dropout",
  hidden_dropout_prob: "dropout", p_dropout: "dropout",
  batchnorm: "batchnorm", batch_norm: "batchnorm", bn: "batchnorm", use_bn: "batchnorm",
  use_batchnorm: "batchnorm", use_batch_norm: "batchnorm", batch_normalization: "batchnorm",
  normalized_inputs: "normalizedInputs", normalized: "normalizedInputs", normalize: "normalizedInputs",
  normalize_inputs: "normalizedInputs", input_normalization: "normalizedInputs",
  standardize: "normalizedInputs", standardized: "normalizedInputs", scale_inputs: "normalizedInputs",
  shuffle: "shuffle", shuffle_data: "shuffle", dataloader_shuffle: "shuffle", shuffle_train: "shuffle",
  loss: "loss", loss_fn: "loss", loss_function: "loss", criterion: "loss", loss_type: "loss",
  output_activation: "outputActivation", final_activation: "outputActivation",
  last_activation: "outputActivation", out_activation: "outputActivation",
  num_classes: "numClasses", n_classes: "numClasses", nc: "numClasses", num_labels: "numClasses",
  nb_classes: "numClasses", classes: "numClasses",
  train_size: "trainSize", n_train: "trainSize", num_train: "trainSize", train_samples: "trainSize",
  num_train_samples: "trainSize", num_train_examples: "trainSize", n_train_samples: "trainSize",
  lr_schedule: "lrSchedule", lr_scheduler: "lrSchedule", scheduler: "lrSchedule",
  lr_scheduler_type: "lrSchedule", schedule: "lrSchedule", cos_lr: "lrSchedule",
  early_stopping: "earlyStopping", early_stopping_patience: "earlyStopping", earlystopping: "earlyStopping",
  activation: "extra.activation", hidden_activation: "extra.activation", act: "extra.activation",
  init_std: "extra.initStd", weight_init_std: "extra.initStd", initializer_range: "extra.initStd",
  label_noise: "extra.labelNoise", noise_rate: "extra.labelNoise",
  model: "extra.model", arch: "extra.model", architecture: "extra.model", model_name: "extra.model",
  max_grad_norm: "extra.gradClip", clip_grad_norm: "extra.gradClip", gradient_clip_val: "extra.gradClip",
  clipnorm: "extra.gradClip", grad_clip: "extra.gradClip",
  gradient_accumulation_steps: "extra.gradAccumulation", accumulate_grad_batches: "extra.gradAccumulation",
  grad_accum_steps: "extra.gradAccumulation", accumulation_steps: "extra.gradAccumulation",
  warmup_steps: "extra.warmup", warmup_epochs: "extra.warmup", warmup_ratio: "extra.warmup",
};

/** Parent keys whose `name`/`type` child names the parent itself (`optimizer: {name: adam}`). */
export const NAMED_PARENTS: ReadonlySet<string> = new Set(["optimizer", "optim", "loss", "criterion", "scheduler", "lr_scheduler"]);

/** Normalises a raw key: last path segment, lower-case, separators → `_`. */
export function normalizeKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, "_");
}
