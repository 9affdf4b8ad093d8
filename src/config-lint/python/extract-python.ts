import type { Tree } from "web-tree-sitter";
import { emptyModel, type FileModel } from "../model.js";
import { applyConfigEntry, finishConfig, newPending } from "../structured/config-keys.js";
import { recordDataCall, recordScaling } from "./extract-data.js";
import { findOutputLayers, recordLayerCall } from "./extract-layers.js";
import { recordTrainingCall, type FileFramework } from "./extract-training.js";
import { isInterestingCall } from "./interesting.js";
import { readPythonSyntax, type CallInfo, type PythonSyntax } from "./syntax.js";

/**
 * Python extraction pipeline:
 *   1. readPythonSyntax: calls, assignments, imports, constants (tree-sitter, one pass);
 *   2. per call: training semantics (optimizers, losses, fit/DataLoader), layers/inits, data;
 *   3. per assignment: input scaling (`x / 255.0`);
 *   4. derived: output layers per container, epochs from constants.
 */

function frameworksOf(syntax: PythonSyntax, model: FileModel): FileFramework {
  const imports = syntax.imports.join("\n");
  const torch = /\btorch\b/.test(imports);
  const keras = /\b(keras|tensorflow)\b/.test(imports);
  if (torch) model.frameworks.add("pytorch");
  if (keras) model.frameworks.add("keras");
  if (/\blightning\b/.test(imports)) model.frameworks.add("lightning");
  if (/\btransformers\b/.test(imports)) model.frameworks.add("huggingface");
  return torch && !keras ? "pytorch" : "keras";
}

/** Hugging Face `TrainingArguments(...)` keyword arguments read like a config file. */
function recordTrainingArguments(call: CallInfo, model: FileModel): void {
  const pending = newPending();
  model.frameworks.add("huggingface");
  for (const [key, ref] of Object.entries(call.kwargs)) {
    if (ref.value !== null) applyConfigEntry(model, pending, [key], ref);
  }
  finishConfig(model, pending);
}

const EPOCH_CONSTANTS = ["EPOCHS", "NUM_EPOCHS", "N_EPOCHS", "epochs", "num_epochs", "n_epochs", "MAX_EPOCHS", "max_epochs"];

function epochsFromConstants(syntax: PythonSyntax, model: FileModel): void {
  if (model.epochs !== null) return;
  for (const name of EPOCH_CONSTANTS) {
    const found = syntax.scope.constants.get(name) ?? syntax.scope.attributes.get(`argparse:${name}`);
    if (typeof found?.value === "number") {
      model.epochs = found;
      return;
    }
  }
}

/** Builds the file model of one parsed Python source. */
export function extractPython(tree: Tree, source: string, file: string): { model: FileModel; syntax: PythonSyntax } {
  const syntax = readPythonSyntax(tree, source, isInterestingCall);
  const model = emptyModel(file, "python");
  const framework = frameworksOf(syntax, model);
  for (const call of syntax.calls) {
    recordTrainingCall(call, model, framework);
    recordLayerCall(call, model, framework);
    recordDataCall(call, model);
    if (call.name === "TrainingArguments") recordTrainingArguments(call, model);
  }
  for (const assignment of syntax.assignments) recordScaling(assignment, model);
  model.outputLayers = findOutputLayers(model.layers, framework);
  epochsFromConstants(syntax, model);
  if (typeof model.extra["accumulation"] === "number") {
    for (const batch of model.batchSizes) batch.accumulation ??= model.extra["accumulation"];
  }
  return { model, syntax };
}
