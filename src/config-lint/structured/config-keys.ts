import type { FileModel, OptimizerUse, ValueRef } from "../model.js";
import { LOSSES, OPTIMIZERS, splitOf } from "../python/vocabulary.js";

/**
 * Maps keys of hyperparameter files (plain YAML/JSON/TOML, Hydra, Lightning CLI, Hugging Face
 * `TrainingArguments`, Keras-Tuner trial values) onto the file model. Keys are matched on their last
 * segment, lower-cased, `-` read as `_`; the parent path disambiguates (eval batch sizes, optimizer blocks).
 */

const LR_KEYS = new Set(["lr", "learning_rate", "base_lr", "init_lr", "initial_lr", "initial_learning_rate"]);
const BATCH_KEYS = new Set(["batch_size", "per_device_train_batch_size", "train_batch_size", "per_gpu_train_batch_size", "bs", "micro_batch_size"]);
const ACCUMULATION_KEYS = new Set(["gradient_accumulation_steps", "accumulate_grad_batches"]);
const EPOCH_KEYS = new Set(["epochs", "num_epochs", "max_epochs", "num_train_epochs", "n_epochs"]);
const WD_KEYS = new Set(["weight_decay", "wd", "l2", "l2_reg", "weight_decay_rate"]);
const DROPOUT_KEYS = new Set(["dropout", "dropout_rate", "dropout_prob", "hidden_dropout_prob", "attention_probs_dropout_prob", "drop_rate", "p_dropout"]);
const OPTIMIZER_KEYS = new Set(["optimizer", "optim", "optimizer_name", "optimizer_type", "opt"]);
const CLASS_KEYS = new Set(["_target_", "class_path", "type", "name", "class_name"]);
const SCHEDULE_KEYS = new Set(["lr_scheduler_type", "scheduler", "lr_scheduler", "lr_schedule", "lr_policy", "schedule"]);
const EARLY_KEYS = new Set(["early_stopping", "early_stopping_patience", "load_best_model_at_end"]);
const LOSS_KEYS = new Set(["loss", "loss_fn", "criterion", "loss_function"]);
const HF_KEYS = new Set(["per_device_train_batch_size", "num_train_epochs", "lr_scheduler_type", "logging_steps", "output_dir"]);

/** Canonical optimizer from a config string: `torch.optim.AdamW`, `adamw_torch`, `SGD`. */
export function optimizerName(text: string): string | null {
  const tail = text.split(".").pop()?.toLowerCase() ?? "";
  const match = /^(adamw|adamax|adam|nadam|radam|sgd|rmsprop|adagrad|adadelta|lion|ftrl)/.exec(tail.replace(/^paged_/, ""));
  return match?.[1] ?? null;
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/-/g, "_");
}

interface Pending {
  optimizerName: string | null;
  optimizerLine: number;
  lrs: ValueRef[];
  momentum: ValueRef | null;
  weightDecay: ValueRef | null;
  accumulation: number | null;
}

export function newPending(): Pending {
  return { optimizerName: null, optimizerLine: 0, lrs: [], momentum: null, weightDecay: null, accumulation: null };
}

function isEvalPath(path: string[]): boolean {
  return path.some((p) => splitOf(p) === "eval");
}

function recordSchedule(model: FileModel, ref: ValueRef): void {
  const text = String(ref.value ?? "").toLowerCase();
  if (text === "constant" || text === "none" || text === "" || ref.value === false) {
    model.extra["scheduleDisabled"] = true;
    return;
  }
  model.scheduleLines.push(ref.span.line);
}

/** Applies one leaf `path = value` of a structured config. */
export function applyConfigEntry(model: FileModel, pending: Pending, path: string[], ref: ValueRef): void {
  const key = normalizeKey(path[path.length - 1] ?? "");
  const parents = path.slice(0, -1).map(normalizeKey);
  const parent = parents[parents.length - 1] ?? "";
  if (HF_KEYS.has(key)) model.frameworks.add("huggingface");
  if (path.some((p) => /space/i.test(p))) return;
  if (LR_KEYS.has(key) && typeof ref.value === "number") pending.lrs.push(ref);
  else if (BATCH_KEYS.has(key) && typeof ref.value === "number") model.batchSizes.push({ value: ref, context: "config", training: !isEvalPath(path), accumulation: null });
  else if (ACCUMULATION_KEYS.has(key) && typeof ref.value === "number") pending.accumulation = ref.value;
  else if (EPOCH_KEYS.has(key) && typeof ref.value === "number") model.epochs ??= ref;
  else if (key === "momentum" && typeof ref.value === "number") pending.momentum = ref;
  else if (WD_KEYS.has(key) && typeof ref.value === "number") {
    pending.weightDecay = ref;
    if (ref.value > 0) model.regularizerLines.push(ref.span.line);
  } else if (DROPOUT_KEYS.has(key) && typeof ref.value === "number") {
    model.layers.push({ kind: "dropout", line: ref.span.line, units: null, activation: null, rate: ref, container: null });
  } else if ((OPTIMIZER_KEYS.has(key) || (CLASS_KEYS.has(key) && /optim/.test(parent))) && typeof ref.value === "string") {
    const name = optimizerName(ref.value);
    if (name !== null && pending.optimizerName === null) {
      pending.optimizerName = name;
      pending.optimizerLine = ref.span.line;
    }
  } else if (SCHEDULE_KEYS.has(key) || (CLASS_KEYS.has(key) && /sched/.test(parent))) recordSchedule(model, ref);
  else if (/lr_scheduler|scheduler/.test(String(ref.value)) && CLASS_KEYS.has(key)) model.scheduleLines.push(ref.span.line);
  else if (EARLY_KEYS.has(key) && ref.value !== false && ref.value !== null) model.earlyStoppingLines.push(ref.span.line);
  else if (CLASS_KEYS.has(key) && /EarlyStopping/.test(String(ref.value))) model.earlyStoppingLines.push(ref.span.line);
  else if (key === "shuffle" && typeof ref.value === "boolean" && !isEvalPath(path)) model.shuffles.push({ value: ref, context: "config", line: ref.span.line });
  else if (LOSS_KEYS.has(key) && typeof ref.value === "string") {
    const loss = LOSSES[ref.value.split(".").pop() ?? ""];
    if (loss !== undefined) model.losses.push({ name: loss, framework: "config", fromLogits: null, span: ref.span });
  }
}

/** Turns the collected optimizer keys into optimizer uses (one per learning rate found). */
export function finishConfig(model: FileModel, pending: Pending): void {
  const hf = model.frameworks.has("huggingface");
  const name = pending.optimizerName ?? (hf ? "adamw" : null);
  const spec = name === null ? undefined : OPTIMIZERS[name];
  for (const batch of model.batchSizes) batch.accumulation = pending.accumulation;
  if (hf && model.extra["scheduleDisabled"] !== true && model.scheduleLines.length === 0) model.scheduleLines.push(0);
  const lrs: (ValueRef | null)[] = pending.lrs.length > 0 ? pending.lrs : name !== null ? [null] : [];
  for (const lr of lrs) {
    const use: OptimizerUse = {
      name: name ?? "unknown",
      family: spec?.family ?? "other",
      framework: "config",
      lr,
      defaultLr: hf ? 5e-5 : null,
      momentum: pending.momentum,
      weightDecay: pending.weightDecay,
      nameSpan: null,
      line: lr?.span.line ?? pending.optimizerLine,
    };
    model.optimizers.push(use);
  }
}
