import type { HparamValue } from "../domain/run.js";
import type { FileModel, ValueRef } from "./model.js";
import type { LintFact } from "./types.js";

/** Derives the ConfigFacts of one file model (what diagnosis and PR diffs see). */

function fact(model: FileModel, key: string, value: HparamValue, ref: ValueRef | null, line: number): LintFact {
  if (ref === null) return { key, value, file: model.file, line };
  const base: LintFact = { key, value, file: model.file, line: ref.span.line, text: ref.span.text };
  return ref.span.line === ref.span.endLine ? { ...base, column: ref.span.column, endColumn: ref.span.endColumn } : base;
}

function optimizerFacts(model: FileModel): LintFact[] {
  return model.optimizers.flatMap((o) => {
    const out: LintFact[] = [];
    if (o.name !== "unknown") out.push(fact(model, "optimizer", o.name, null, o.line));
    const lr = typeof o.lr?.value === "number" ? o.lr.value : o.lr === null ? o.defaultLr : null;
    if (lr !== null) out.push(fact(model, "lr", lr, typeof o.lr?.value === "number" ? o.lr : null, o.lr?.span.line ?? o.line));
    if (typeof o.momentum?.value === "number") out.push(fact(model, "momentum", o.momentum.value, o.momentum, o.line));
    if (typeof o.weightDecay?.value === "number") out.push(fact(model, "weightDecay", o.weightDecay.value, o.weightDecay, o.line));
    return out;
  });
}

function structureFacts(model: FileModel): LintFact[] {
  const out: LintFact[] = [];
  const firstLine = model.optimizers[0]?.line ?? model.layers[0]?.line ?? 1;
  const dropouts = model.layers.filter((l) => l.kind === "dropout" && typeof l.rate?.value === "number");
  const maxDropout = dropouts.sort((a, b) => Number(b.rate?.value) - Number(a.rate?.value))[0];
  if (maxDropout?.rate) out.push(fact(model, "dropout", maxDropout.rate.value!, maxDropout.rate, maxDropout.line));
  const weighted = model.layers.filter((l) => l.kind === "conv" || l.kind === "dense");
  if (weighted.length > 0) {
    const bn = model.layers.find((l) => l.kind === "batchnorm");
    out.push(fact(model, "batchnorm", bn !== undefined, null, bn?.line ?? weighted[0]!.line));
  }
  const output = model.outputLayers.at(-1);
  if (output !== undefined) {
    const activation = output.kind === "dense" ? (typeof output.activation?.value === "string" ? output.activation.value : output.activation === null ? "linear" : null) : output.kind;
    if (activation !== null) out.push(fact(model, "outputActivation", activation, null, output.line));
    if (typeof output.units?.value === "number") out.push(fact(model, "numClasses", output.units.value, output.units, output.line));
  }
  const loss = model.losses[0];
  if (loss !== undefined) out.push(fact(model, "loss", loss.name, null, loss.span.line));
  if (model.optimizers.length > 0) {
    out.push(fact(model, "lrSchedule", model.scheduleLines.length > 0, null, model.scheduleLines[0] || firstLine));
  }
  if (model.fits.length > 0) out.push(fact(model, "earlyStopping", model.earlyStoppingLines.length > 0, null, model.earlyStoppingLines[0] ?? model.fits[0]!.line));
  const image = model.dataSources.find((s) => s.image);
  if (model.normalizationLines.length > 0 || image !== undefined) {
    out.push(fact(model, "normalizedInputs", model.normalizationLines.length > 0, null, model.normalizationLines[0] ?? image!.line));
  }
  return out;
}

export function factsOf(model: FileModel): LintFact[] {
  const out = optimizerFacts(model);
  for (const batch of model.batchSizes.filter((b) => b.training && typeof b.value.value === "number")) {
    out.push(fact(model, "batchSize", batch.value.value!, batch.value, batch.value.span.line));
  }
  if (typeof model.epochs?.value === "number") out.push(fact(model, "epochs", model.epochs.value, model.epochs, model.epochs.span.line));
  for (const shuffle of model.shuffles) {
    out.push(fact(model, "shuffle", shuffle.value?.value === true, shuffle.value, shuffle.line));
  }
  out.push(...structureFacts(model));
  return out;
}
