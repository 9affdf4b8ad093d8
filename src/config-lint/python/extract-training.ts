import type { FileModel, OptimizerUse, ValueRef } from "../model.js";
import type { ArgRef, CallInfo } from "./syntax.js";
import {
  CLASSIFICATION_METRICS,
  EARLY_STOPPING,
  KERAS_SCHEDULE_INITIAL_LR,
  LOSSES,
  OPTIMIZERS,
  REGULARIZERS,
  SCHEDULERS,
  TORCH_POSITIONS,
  splitOf,
} from "./vocabulary.js";

/** Training-loop semantics: optimizers, losses, fit/DataLoader arguments, schedules, callbacks. */

export type FileFramework = "keras" | "pytorch";

export function callFramework(call: CallInfo, fallback: FileFramework): FileFramework {
  if (/(^|\.)(torch|optim|nn|F)\./.test(call.callee) || call.callee.startsWith("optim.")) return "pytorch";
  if (/(keras|tf|optimizers|losses|layers)\./.test(call.callee)) return "keras";
  return fallback;
}

function plain(ref: ArgRef | undefined): ValueRef | null {
  return ref === undefined ? null : { value: ref.value, span: ref.span, editable: ref.editable, ...(ref.via ? { via: ref.via } : {}) };
}

function lrArgument(call: CallInfo, framework: FileFramework, canonical: string): ValueRef | null {
  const named = call.kwargs["learning_rate"] ?? call.kwargs["lr"];
  const positional = framework === "pytorch" ? call.args[TORCH_POSITIONS[canonical]?.lr ?? 1] : call.args[0];
  const ref = named ?? positional;
  if (ref?.call && KERAS_SCHEDULE_INITIAL_LR.has(ref.call.name)) {
    return plain(ref.call.kwargs["initial_learning_rate"] ?? ref.call.args[0]);
  }
  if (ref?.call && (ref.call.name === "Float" || ref.call.name === "Choice")) return searchSpaceMax(ref.call);
  return plain(ref);
}

/** Keras Tuner `hp.Float("lr", 1e-4, 1.0)` / `hp.Choice("lr", [1e-3, 0.5])`: the largest rate the search can pick. */
function searchSpaceMax(call: CallInfo): ValueRef | null {
  if (call.name === "Float") return plain(call.kwargs["max_value"] ?? call.args[2]);
  const values = (call.kwargs["values"] ?? call.args[1])?.items ?? [];
  const numeric = values.filter((v) => typeof v.value === "number").sort((a, b) => Number(b.value) - Number(a.value));
  return plain(numeric[0]);
}

/** TF1 names: `tf.train.AdamOptimizer`, `GradientDescentOptimizer`, `MomentumOptimizer`. */
function optimizerKey(name: string): string {
  const base = name.replace(/Optimizer$/, "").toLowerCase();
  return base === "gradientdescent" || base === "momentum" ? "sgd" : base;
}

function optimizerFromCall(call: CallInfo, fallback: FileFramework): OptimizerUse | null {
  const spec = OPTIMIZERS[optimizerKey(call.name)];
  if (spec === undefined || call.name === call.name.toLowerCase()) return null;
  const framework = callFramework(call, fallback);
  const positions = framework === "pytorch" ? TORCH_POSITIONS[spec.canonical] : undefined;
  const at = (index: number | undefined): ArgRef | undefined => (index === undefined ? undefined : call.args[index]);
  return {
    name: spec.canonical,
    family: spec.family,
    framework,
    lr: lrArgument(call, framework, spec.canonical),
    defaultLr: framework === "pytorch" ? spec.torchDefaultLr : spec.kerasDefaultLr,
    momentum: plain(call.kwargs["momentum"] ?? at(positions?.momentum)),
    weightDecay: plain(call.kwargs["weight_decay"] ?? at(positions?.weightDecay)),
    nameSpan: call.nameSpan,
    line: call.span.line,
  };
}

/** `compile(optimizer="adam")`: a Keras string optimizer with its default learning rate. */
function optimizerFromString(ref: ArgRef): OptimizerUse | null {
  if (typeof ref.value !== "string") return null;
  const spec = OPTIMIZERS[ref.value.toLowerCase()];
  if (spec === undefined) return null;
  return {
    name: spec.canonical,
    family: spec.family,
    framework: "keras",
    lr: null,
    defaultLr: spec.kerasDefaultLr,
    momentum: null,
    weightDecay: null,
    nameSpan: null,
    line: ref.span.line,
  };
}

function lossFrom(ref: ArgRef | undefined, model: FileModel, framework: FileFramework): void {
  if (ref === undefined) return;
  const key = typeof ref.value === "string" ? ref.value : ref.call?.name ?? ref.name?.split(".").pop() ?? "";
  const name = LOSSES[key];
  if (name === undefined || ref.call !== null) return; // calls are recorded on their own
  model.losses.push({ name, framework, fromLogits: null, span: ref.span });
}

function recordCompile(call: CallInfo, model: FileModel): void {
  const optimizer = call.kwargs["optimizer"] ?? call.args[0];
  const fromString = optimizer === undefined ? null : optimizerFromString(optimizer);
  if (fromString !== null) model.optimizers.push(fromString);
  lossFrom(call.kwargs["loss"] ?? call.args[1], model, "keras");
  const metrics = call.kwargs["metrics"]?.items ?? [];
  if (metrics.some((m) => CLASSIFICATION_METRICS.has(String(m.value ?? m.call?.name ?? m.name?.split(".").pop() ?? "")))) {
    model.extra["classificationMetrics"] = true;
  }
}

function names(ref: ArgRef | undefined): string[] {
  if (ref === undefined) return [];
  if (ref.items !== null) return ref.items.flatMap((item) => (item.name !== null ? [item.name] : item.call ? [item.call.name] : []));
  return ref.name !== null ? [ref.name] : ref.call ? [ref.call.name] : [];
}

function recordFit(call: CallInfo, model: FileModel): void {
  const epochs = plain(call.kwargs["epochs"] ?? call.args[3]);
  const validation = call.kwargs["validation_data"];
  const validationInputs = validation?.items?.[0]?.name ? [validation.items[0].name] : validation?.name ? [validation.name] : [];
  const inputs = call.args[0]?.name ? [call.args[0].name] : call.kwargs["x"]?.name ? [call.kwargs["x"].name] : [];
  model.fits.push({
    line: call.span.line,
    epochs,
    inputs,
    validationInputs,
    hasValidation: validation !== undefined || call.kwargs["validation_split"] !== undefined,
    callbacks: names(call.kwargs["callbacks"]),
  });
  model.epochs ??= epochs;
  const batch = call.kwargs["batch_size"] ?? call.args[2];
  if (batch !== undefined) model.batchSizes.push({ value: plain(batch)!, context: "fit", training: true, accumulation: null });
  const shuffle = call.kwargs["shuffle"];
  if (shuffle !== undefined) model.shuffles.push({ value: plain(shuffle), context: "fit", line: shuffle.span.line });
}

function loaderIsTraining(call: CallInfo): boolean {
  const hints = [...call.assignedTo, call.args[0]?.name ?? "", call.scope ?? ""].join(" ");
  const split = splitOf(hints);
  if (split !== "unknown") return split === "train";
  return call.kwargs["shuffle"]?.value === true;
}

function recordLoader(call: CallInfo, model: FileModel): void {
  const training = loaderIsTraining(call);
  const batch = call.kwargs["batch_size"] ?? (call.name === "DataLoader" ? call.args[1] : undefined);
  if (batch !== undefined) model.batchSizes.push({ value: plain(batch)!, context: call.name, training, accumulation: null });
  if (!training || call.kwargs["sampler"] !== undefined || call.kwargs["batch_sampler"] !== undefined) return;
  const shuffle = call.kwargs["shuffle"] ?? (call.name === "DataLoader" ? call.args[2] : undefined);
  const implicit = call.name === "DataLoader" && shuffle === undefined && !call.splat && splitOf(call.assignedTo.join(" ") + (call.args[0]?.name ?? "")) === "train";
  if (shuffle !== undefined || implicit) model.shuffles.push({ value: plain(shuffle), context: call.name, line: shuffle?.span.line ?? call.span.line });
}

function recordTrainer(call: CallInfo, model: FileModel): void {
  const epochs = plain(call.kwargs["max_epochs"]);
  if (epochs !== null) model.epochs ??= epochs;
  model.fits.push({ line: call.span.line, epochs, inputs: [], validationInputs: [], hasValidation: true, callbacks: names(call.kwargs["callbacks"]) });
  const accumulate = call.kwargs["accumulate_grad_batches"]?.value;
  if (typeof accumulate === "number") model.extra["accumulation"] = accumulate;
}

function recordLossCall(call: CallInfo, model: FileModel, framework: FileFramework): void {
  const name = LOSSES[call.name];
  if (name === undefined) return;
  const fromLogits = plain(call.kwargs["from_logits"]);
  model.losses.push({ name, framework: callFramework(call, framework), fromLogits, span: call.span });
}

function recordEpochLoop(call: CallInfo, model: FileModel): void {
  if (call.name !== "range" || call.forTarget === null || !/epoch/i.test(call.forTarget)) return;
  const stop = plain(call.args.length >= 2 ? call.args[1] : call.args[0]);
  const start = call.args.length >= 2 ? call.args[0]?.value : 0;
  if (stop === null || typeof stop.value !== "number" || typeof start !== "number") return;
  // `range(1, EPOCHS + 1)` runs EPOCHS epochs.
  model.epochs ??= start === 0 ? stop : { ...stop, value: stop.value - start, editable: false };
}

/** Applies the training semantics of one call to the model. */
export function recordTrainingCall(call: CallInfo, model: FileModel, framework: FileFramework): void {
  const optimizer = optimizerFromCall(call, framework);
  if (optimizer !== null) model.optimizers.push(optimizer);
  if (SCHEDULERS.has(call.name)) model.scheduleLines.push(call.span.line);
  if (EARLY_STOPPING.has(call.name)) model.earlyStoppingLines.push(call.span.line);
  if (REGULARIZERS.has(call.name) && /regularizers|^l[12]/i.test(call.callee)) model.regularizerLines.push(call.span.line);
  const wd = call.kwargs["weight_decay"]?.value;
  if (typeof wd === "number" && wd > 0) model.regularizerLines.push(call.span.line);
  if (call.kwargs["kernel_regularizer"] !== undefined) model.regularizerLines.push(call.span.line);
  recordLossCall(call, model, framework);
  recordEpochLoop(call, model);
  if (call.name === "compile") recordCompile(call, model);
  else if (call.name === "fit" && call.object !== "" && !/scaler|encoder/i.test(call.object)) recordFit(call, model);
  else if (call.name === "DataLoader" || call.name === "image_dataset_from_directory" || call.name === "flow_from_directory") recordLoader(call, model);
  else if (call.name === "Trainer") recordTrainer(call, model);
  else if (call.name === "batch") recordDatasetBatch(call, model);
}

/** `tf.data`: `train_ds.batch(BATCH_SIZE)`. */
function recordDatasetBatch(call: CallInfo, model: FileModel): void {
  const size = call.kwargs["batch_size"] ?? call.args[0];
  if (size === undefined || typeof size.value !== "number" || !/data|ds\b|ds\.|^ds/i.test(call.object)) return;
  model.batchSizes.push({ value: plain(size)!, context: "tf.data", training: splitOf(call.object) !== "eval", accumulation: null });
}
