import { messages } from "../messages.js";
import type { FileModel, PreprocessUse } from "../model.js";
import type { LintRule, RuleHit } from "./rule.js";

function family(use: PreprocessUse): string {
  return use.signature.startsWith("/") ? "array" : use.signature.startsWith("scaler:") ? "scaler" : "pipeline";
}

/** Named pipelines (`train_transform` vs `val_transform`, generators) that normalise differently. */
function pipelineMismatches(model: FileModel): RuleHit[] {
  const pipelines = model.preprocess.filter((p) => family(p) === "pipeline");
  const train = pipelines.find((p) => p.split === "train" && p.normalizes);
  if (train === undefined) return [];
  return pipelines
    .filter((p) => p.split === "eval" && p.signature !== train.signature)
    .map((p) => ({
      severity: "warning" as const,
      line: p.line,
      message: messages.valPreprocessing(train.target, p.target, p.normalizes ? `${train.signature} vs ${p.signature}` : `only ${train.target} normalises: ${train.signature}`),
      fix: { description: messages.valPreprocessingFix() },
      key: "normalizedInputs",
    }));
}

/** Arrays: `fit(x_train, validation_data=(x_test, ...))` where only x_train was scaled. */
function arrayMismatches(model: FileModel): RuleHit[] {
  const scaled = new Map(model.preprocess.filter((p) => family(p) !== "pipeline").map((p) => [p.target, p]));
  return model.fits.flatMap((fit) =>
    fit.inputs.flatMap((input) => {
      const train = scaled.get(input);
      if (train === undefined) return [];
      return fit.validationInputs
        .filter((v) => scaled.get(v)?.signature !== train.signature)
        .map((v) => ({
          severity: "warning" as const,
          line: fit.line,
          message: messages.valPreprocessing(input, v, scaled.has(v) ? `${train.signature} vs ${scaled.get(v)!.signature}` : `${input} is scaled by ${train.signature}, ${v} is not`),
          fix: { description: messages.valPreprocessingFix() },
          key: "normalizedInputs",
        }));
    }),
  );
}

/** Training and validation inputs preprocessed differently (when visible in one file). */
export const valPreprocessingMismatch: LintRule = {
  id: "val-preprocessing-mismatch",
  summary: "Validation data is preprocessed differently from training data.",
  thresholds: {},
  check: ({ model }) => [...pipelineMismatches(model), ...arrayMismatches(model)],
};
