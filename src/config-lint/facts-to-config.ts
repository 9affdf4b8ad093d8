import type { ConfigFact, TrainingConfig } from "../domain/training-config.js";

type Kind = "number" | "boolean" | "string";

/** Canonical TrainingConfig keys and their value types. */
const KEYS: Readonly<Record<string, Kind>> = {
  optimizer: "string",
  lr: "number",
  batchSize: "number",
  epochs: "number",
  momentum: "number",
  weightDecay: "number",
  dropout: "number",
  batchnorm: "boolean",
  normalizedInputs: "boolean",
  shuffle: "boolean",
  loss: "string",
  outputActivation: "string",
  numClasses: "number",
  trainSize: "number",
  lrSchedule: "boolean",
  earlyStopping: "boolean",
};

/**
 * Folds linter facts into a TrainingConfig for diagnosis. The first fact of each key wins (files are
 * linted in the order given, facts in source order); other keys go to `extra`. Pure.
 */
export function factsToTrainingConfig(facts: ConfigFact[]): TrainingConfig {
  const config: Record<string, unknown> = {};
  const extra: Record<string, string | number | boolean> = {};
  for (const fact of facts) {
    const kind = KEYS[fact.key];
    if (kind === undefined) {
      if (!(fact.key in extra)) extra[fact.key] = fact.value;
      continue;
    }
    if (fact.key in config || typeof fact.value !== kind) continue;
    config[fact.key] = fact.value;
  }
  if (Object.keys(extra).length > 0) config["extra"] = extra;
  return config as TrainingConfig;
}
