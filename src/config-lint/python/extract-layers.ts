import type { FileModel, LayerUse, ValueRef } from "../model.js";
import type { ArgRef, CallInfo } from "./syntax.js";
import type { FileFramework } from "./extract-training.js";
import { LAYERS } from "./vocabulary.js";

/** Model-definition semantics: layers, containers, output layers, weight initialisers. */

function plain(ref: ArgRef | undefined): ValueRef | null {
  return ref === undefined ? null : { value: ref.value, span: ref.span, editable: ref.editable, ...(ref.via ? { via: ref.via } : {}) };
}

/** `Sequential([...])` / `nn.Sequential(...)` id, or `add:<object>` for `model.add(...)` chains. */
function containerOf(call: CallInfo): string | null {
  const parent = call.parent;
  if (parent === null) return null;
  if (parent.name === "Sequential" || parent.name === "ModuleList") return `seq:${parent.id}`;
  if (parent.name === "add" && parent.object !== "") return `add:${parent.object}`;
  return null;
}

function layerFromCall(call: CallInfo, framework: FileFramework): LayerUse | null {
  const kind = LAYERS[call.name];
  if (kind === undefined) return null;
  const isTorch = framework === "pytorch" || /(^|\.)nn\./.test(call.callee);
  let units: ArgRef | undefined;
  let rate: ArgRef | undefined;
  let activation: ArgRef | undefined = call.kwargs["activation"];
  if (kind === "dense") units = isTorch ? call.kwargs["out_features"] ?? call.args[1] : call.kwargs["units"] ?? call.args[0];
  if (kind === "conv") units = call.kwargs["filters"] ?? call.kwargs["out_channels"] ?? (isTorch ? call.args[1] : call.args[0]);
  if (kind === "dropout") rate = call.kwargs["rate"] ?? call.kwargs["p"] ?? call.args[0];
  if (kind === "activation" && call.name === "Activation") activation = call.kwargs["activation"] ?? call.args[0];
  // `activation=tf.nn.softmax` / `keras.activations.sigmoid`: read the function name as the activation.
  if (activation !== undefined && activation.value === null && activation.name !== null) {
    activation = { ...activation, value: activation.name.split(".").pop() ?? null, editable: false };
  }
  let finalKind = kind;
  if (kind === "activation" && activation?.value === "softmax") finalKind = "softmax";
  if (kind === "activation" && activation?.value === "sigmoid") finalKind = "sigmoid";
  return {
    kind: finalKind,
    line: call.span.line,
    units: plain(units),
    activation: plain(activation),
    rate: plain(rate),
    container: containerOf(call),
  };
}

const OUTPUT_KINDS = new Set(["dense", "softmax", "sigmoid", "log-softmax", "activation"]);

/**
 * The output layer of each container: the last Dense/Linear plus a trailing activation layer. Keras
 * functional models (layers outside any container) contribute the last Dense written in the file.
 */
export function findOutputLayers(layers: LayerUse[], framework: FileFramework): LayerUse[] {
  const groups = new Map<string, LayerUse[]>();
  for (const layer of layers) {
    if (!OUTPUT_KINDS.has(layer.kind)) continue;
    const key = layer.container ?? (framework === "keras" ? "functional" : null);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), layer]);
  }
  const outputs: LayerUse[] = [];
  for (const group of groups.values()) {
    const lastDense = group.findLastIndex((l) => l.kind === "dense");
    if (lastDense < 0) {
      const last = group.at(-1);
      if (last && last.kind !== "activation") outputs.push(last);
      continue;
    }
    const dense = group[lastDense]!;
    const trailing = group.slice(lastDense + 1).find((l) => l.kind !== "activation" || l.activation !== null);
    outputs.push(trailing === undefined ? dense : { ...dense, kind: trailing.kind, activation: trailing.activation, line: trailing.line });
  }
  return outputs;
}

const NORMAL_INITS: Readonly<Record<string, { std: string; position: number; fallback: number }>> = {
  RandomNormal: { std: "stddev", position: 1, fallback: 0.05 },
  TruncatedNormal: { std: "stddev", position: 1, fallback: 0.05 },
  normal_: { std: "std", position: 2, fallback: 1 },
  trunc_normal_: { std: "std", position: 2, fallback: 1 },
};

function recordInit(call: CallInfo, model: FileModel): void {
  const normal = NORMAL_INITS[call.name];
  if (normal !== undefined) {
    const isMethod = call.name.endsWith("_") && !/init\./.test(call.callee);
    if (isMethod && !/weight/.test(call.object)) return;
    const position = isMethod ? normal.position - 1 : normal.position;
    const given = plain(call.kwargs[normal.std] ?? call.args[position]);
    const scale = given ?? { value: normal.fallback, span: call.span, editable: false };
    model.inits.push({ name: call.callee, scale, constant: false, line: call.span.line });
    return;
  }
  if (call.name === "RandomUniform" || call.name === "uniform_") {
    const low = plain(call.kwargs["minval"] ?? call.kwargs["a"] ?? call.args[call.name === "uniform_" ? 1 : 0]);
    const high = plain(call.kwargs["maxval"] ?? call.kwargs["b"] ?? call.args[call.name === "uniform_" ? 2 : 1]);
    const wider = [low, high].filter((v): v is ValueRef => typeof v?.value === "number").sort((a, b) => Math.abs(Number(b.value)) - Math.abs(Number(a.value)))[0];
    const scale = wider ? { ...wider, value: Math.abs(Number(wider.value)) } : { value: call.name === "uniform_" ? 1 : 0.05, span: call.span, editable: false };
    model.inits.push({ name: call.callee, scale, constant: false, line: call.span.line });
    return;
  }
  const kernelInit = call.kwargs["kernel_initializer"];
  if (typeof kernelInit?.value === "string" && /^(ones|zeros|constant)$/i.test(kernelInit.value)) {
    model.inits.push({ name: kernelInit.value, scale: plain(kernelInit), constant: true, line: kernelInit.span.line });
  }
}

/** Applies the model-definition semantics of one call. */
export function recordLayerCall(call: CallInfo, model: FileModel, framework: FileFramework): void {
  const layer = layerFromCall(call, framework);
  if (layer !== null) {
    model.layers.push(layer);
    if (layer.kind === "rescaling" || layer.kind === "normalization") model.normalizationLines.push(layer.line);
  }
  if (call.returned && call.scope === "forward" && /^(softmax|log_softmax|sigmoid)$/.test(call.name)) {
    const kind = call.name === "softmax" ? "softmax" : call.name === "log_softmax" ? "log-softmax" : "sigmoid";
    model.forwardOutputs.push({ kind, line: call.span.line });
  }
  recordInit(call, model);
}
