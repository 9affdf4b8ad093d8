import type { FileModel, PreprocessUse } from "../model.js";
import { compact, type AssignInfo, type CallInfo } from "./syntax.js";
import { AUGMENTATIONS, IMAGE_SOURCES, NORMALIZERS, splitOf } from "./vocabulary.js";

/** Data semantics: image sources, input scaling, and named preprocessing pipelines per split. */

/** Smallest divisor that reads as pixel scaling (`x / 255.0`, `x / 127.5 - 1`). */
export const PIXEL_DIVISOR_MIN = 100;

const IMAGE_SOURCE_NAMES = new Set([...IMAGE_SOURCES].map((s) => s.split(".").pop() ?? s));

function isImageSource(call: CallInfo): boolean {
  if (!IMAGE_SOURCE_NAMES.has(call.name)) return false;
  return IMAGE_SOURCES.has(call.name) || IMAGE_SOURCES.has(call.callee.split(".").slice(-2).join("."));
}

function composeSignature(call: CallInfo): { normalizes: boolean; signature: string } {
  const steps = (call.args[0]?.items ?? []).flatMap((item) => (item.call ? [item.call] : []));
  const relevant = steps.filter((s) => NORMALIZERS.has(s.name));
  return {
    normalizes: relevant.length > 0,
    signature: relevant.map((s) => compact(s.span.text)).join("|"),
  };
}

function generatorSignature(call: CallInfo): { normalizes: boolean; signature: string } {
  const keys = ["rescale", "featurewise_center", "samplewise_center", "featurewise_std_normalization", "preprocessing_function"];
  const used = keys.filter((k) => call.kwargs[k] !== undefined).map((k) => `${k}=${compact(call.kwargs[k]!.span.text)}`);
  return { normalizes: used.length > 0, signature: used.join("|") };
}

function pushPipeline(call: CallInfo, model: FileModel, described: { normalizes: boolean; signature: string }): void {
  for (const target of call.assignedTo) {
    model.preprocess.push({ target, split: splitOf(target), line: call.span.line, ...described });
  }
}

/** Applies the data semantics of one call. */
export function recordDataCall(call: CallInfo, model: FileModel): void {
  if (isImageSource(call)) {
    model.dataSources.push({ name: call.callee, image: true, line: call.span.line, targets: call.assignedTo });
  }
  if (NORMALIZERS.has(call.name)) model.normalizationLines.push(call.span.line);
  if (AUGMENTATIONS.has(call.name)) model.regularizerLines.push(call.span.line);
  if (call.name === "Compose") pushPipeline(call, model, composeSignature(call));
  if (call.name === "ImageDataGenerator") {
    const described = generatorSignature(call);
    if (described.normalizes) model.normalizationLines.push(call.span.line);
    pushPipeline(call, model, described);
  }
  if ((call.name === "fit_transform" || call.name === "transform") && /scaler|normali[sz]er/i.test(call.object)) {
    for (const target of call.assignedTo) {
      model.preprocess.push({ target, split: splitOf(target), normalizes: true, signature: `scaler:${call.object}`, line: call.span.line });
    }
  }
  const transform = call.kwargs["transform"];
  if (transform?.call?.name === "ToTensor" || transform?.call?.name === "Compose") model.normalizationLines.push(call.span.line);
}

const DIVIDE_BY_NUMBER = /(?<!\/)\/(?!\/)\s*\(?\s*(\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?)/;
const DIVIDE_BY_SCALE = /(?<!\/)\/(?!\/)\s*([\w.[\]()'"]*(?:std|sigma|scale|max)[\w.[\]()'"]*)/i;

/** `x / 255.0`, `(x - mean) / std`, `x.astype("float32") / 255` → the divisor text, else null. */
function scalingOf(text: string): string | null {
  const number = DIVIDE_BY_NUMBER.exec(text);
  if (number?.[1] !== undefined && Number.parseFloat(number[1].replace(/_/g, "")) >= PIXEL_DIVISOR_MIN) return number[1];
  const scale = DIVIDE_BY_SCALE.exec(text);
  return scale?.[1] !== undefined ? compact(scale[1]) : null;
}

/** Records array scaling assignments (`x_train = x_train / 255.0`, tuple forms included). */
export function recordScaling(assignment: AssignInfo, model: FileModel): void {
  assignment.targets.forEach((target, index) => {
    const value = assignment.values.length === assignment.targets.length ? assignment.values[index] : assignment.values[0];
    if (value === undefined) return;
    const divisor = scalingOf(value);
    if (divisor === null) return;
    const use: PreprocessUse = { target, split: splitOf(target), normalizes: true, signature: `/${divisor}`, line: assignment.line };
    model.preprocess.push(use);
    model.normalizationLines.push(use.line);
  });
}
