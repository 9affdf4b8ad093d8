import { messages } from "../messages.js";
import type { FileModel, LayerUse, LossUse } from "../model.js";
import { at, fixWith, replaceValue, type LintRule, type RuleHit } from "./rule.js";

const CROSS_ENTROPY = new Set(["categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy"]);

/** Final activation of an output layer: softmax, sigmoid, log-softmax, linear, or null when not known. */
function activationOf(layer: LayerUse): string | null {
  if (layer.kind === "softmax" || layer.kind === "sigmoid" || layer.kind === "log-softmax") return layer.kind;
  if (layer.activation === null) return "linear";
  return typeof layer.activation.value === "string" ? layer.activation.value : null;
}

function quoted(original: string, word: string): string {
  const quote = original.startsWith("'") ? "'" : '"';
  return `${quote}${word}${quote}`;
}

function softmaxOnOneUnit(output: LayerUse): RuleHit | null {
  if (activationOf(output) !== "softmax" || output.units?.value !== 1) return null;
  const activation = output.kind === "dense" ? output.activation : null;
  const replacement = activation ? replaceValue(activation, quoted(activation.span.text, "sigmoid")) : undefined;
  return { severity: "error", line: output.line, message: messages.softmaxOneUnit(), fix: fixWith(messages.softmaxOneUnitFix(), replacement), key: "outputActivation" };
}

function kerasPair(loss: LossUse, output: LayerUse, model: FileModel): RuleHit | null {
  const activation = activationOf(output);
  const hit = (message: string, fix = { description: messages.lossFix() }): RuleHit => ({ severity: "warning", ...at({ ...loss, value: null, editable: false }), message, fix, key: "loss" });
  if (activation === null) return null;
  if (loss.name === "binary_crossentropy" && activation === "softmax") return hit(messages.softmaxBinary());
  const units = output.units?.value;
  if (loss.name === "categorical_crossentropy" && activation === "sigmoid" && units !== 1) return hit(messages.sigmoidCategorical());
  if ((loss.name === "mse" || loss.name === "mae") && (activation === "softmax" || model.extra["classificationMetrics"] === true)) return hit(messages.mseClassification());
  if (!CROSS_ENTROPY.has(loss.name)) return null;
  if (loss.fromLogits?.value === true && (activation === "softmax" || activation === "sigmoid")) {
    return hit(messages.logitsDoubleActivation(loss.span.text.split("(")[0] ?? loss.name, activation));
  }
  if (loss.fromLogits?.value !== true && activation === "linear") {
    const replacement = loss.fromLogits ? replaceValue(loss.fromLogits, "True") : undefined;
    return hit(messages.logitsMissingActivation(loss.name), fixWith(messages.logitsFix(), replacement));
  }
  return null;
}

function torchOutputs(model: FileModel): string[] {
  const fromModules = model.outputLayers.filter((o) => o.container?.startsWith("seq:")).map((o) => activationOf(o) ?? "unknown");
  return [...fromModules, ...model.forwardOutputs.map((o) => o.kind)];
}

function torchPair(loss: LossUse, outputs: string[]): RuleHit | null {
  const hit = (message: string): RuleHit => ({ severity: "warning", line: loss.span.line, column: loss.span.column, message, fix: { description: messages.lossFix() }, key: "loss" });
  const label = loss.span.text.split("(")[0] ?? loss.name;
  const squashed = outputs.find((o) => o === "softmax" || o === "log-softmax");
  if (loss.name === "cross_entropy" && squashed !== undefined) return hit(messages.crossEntropyAfterSoftmax(label, squashed === "softmax" ? "Softmax" : "LogSoftmax"));
  if (loss.name === "bce_with_logits" && outputs.includes("sigmoid")) return hit(messages.bceWithLogitsAfterSigmoid());
  const last = outputs.at(-1);
  if (loss.name === "nll" && last === "linear") return hit(messages.nllWithoutLogSoftmax());
  if (loss.name === "bce" && last === "linear") return hit(messages.logitsMissingActivation("BCELoss"));
  return null;
}

/** Final activation and loss that do not fit together (softmax on one unit is an error). */
export const lossOutputMismatch: LintRule = {
  id: "loss-output-mismatch",
  summary: "The output activation and the loss function do not fit together.",
  thresholds: {},
  check: ({ model }) => {
    const hits: RuleHit[] = model.outputLayers.flatMap((o) => softmaxOnOneUnit(o) ?? []);
    const kerasOutput = model.outputLayers.filter((o) => !o.container?.startsWith("seq:") || model.frameworks.has("keras")).at(-1);
    for (const loss of model.losses) {
      if (loss.framework === "pytorch") {
        const hit = torchPair(loss, torchOutputs(model));
        if (hit !== null) hits.push(hit);
      } else if (kerasOutput !== undefined) {
        const hit = kerasPair(loss, kerasOutput, model);
        if (hit !== null) hits.push(hit);
      }
    }
    return hits;
  },
};
