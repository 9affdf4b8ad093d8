import { planMessages } from "./messages.js";
import type { Arm, DataSpec, ExperimentPlan, Layer, ModelSpec, TrainingSpec } from "./experiment.schema.js";

/** One arm with its changes applied: exactly what the runner trains. */
export interface ResolvedArm {
  id: string;
  model: ModelSpec;
  data: DataSpec;
  training: TrainingSpec;
  /** Changes the runner could not apply (e.g. structural changes to a Keras JSON model). */
  notes: string[];
}

type ModelChanges = NonNullable<Arm["changes"]["model"]>;

const HIDDEN_TYPES: ReadonlySet<Layer["type"]> = new Set(["dense", "conv2d"]);

/** Index of the last Dense/Conv2D layer: the output layer, which the changes leave alone. */
function outputIndex(layers: Layer[]): number {
  for (let i = layers.length - 1; i >= 0; i--) if (HIDDEN_TYPES.has(layers[i]!.type)) return i;
  return -1;
}

/** Expands one hidden layer into [layer without activation?, BatchNorm?, activation?, Dropout?]. */
function expandHidden(layer: Layer & { type: "dense" | "conv2d" }, changes: ModelChanges): Layer[] {
  const activation = changes.hiddenActivation ?? layer.activation ?? "linear";
  const out: Layer[] = [];
  if (changes.addBatchNorm === true) {
    out.push({ ...layer, activation: "linear" }, { type: "batchNormalization" });
    if (activation !== "linear") out.push({ type: "activation", activation });
  } else {
    out.push({ ...layer, activation });
  }
  if (changes.dropout !== undefined) out.push({ type: "dropout", rate: changes.dropout });
  return out;
}

/** Applies structural changes to a layer list; the output layer is never changed. */
export function applyModelChanges(layers: Layer[], changes: ModelChanges): Layer[] {
  const last = outputIndex(layers);
  return layers.flatMap((layer, i) => {
    if (i === last || (layer.type !== "dense" && layer.type !== "conv2d")) return [layer];
    return expandHidden(layer, changes);
  });
}

function resolveData(data: DataSpec, scale: "unit" | "raw-0-255" | undefined): DataSpec {
  if (scale === undefined) return data;
  if (data.kind === "synthetic") return { ...data, scale };
  return { ...data, scale: scale === "unit" ? "unit" : "as-is" };
}

/** Applies an arm's changes to the plan's baseline. Pure and total: unknown combinations become notes. */
export function resolveArm(plan: ExperimentPlan, arm: Arm): ResolvedArm {
  const notes: string[] = [];
  const changes = arm.changes;
  let model = plan.model;
  if (changes.model !== undefined && Object.keys(changes.model).length > 0) {
    if (model.kind === "layers") model = { ...model, layers: applyModelChanges(model.layers, changes.model) };
    else notes.push(planMessages.kerasJsonUnchanged(arm.id));
  }
  const training: TrainingSpec = { ...plan.training, ...changes.training };
  return { id: arm.id, model, data: resolveData(plan.data, changes.data?.scale), training, notes };
}
