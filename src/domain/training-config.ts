import type { HparamValue } from "./run.js";

/**
 * Configuration facts known about a training run, normalised to canonical keys. Filled from run
 * hparams, `--config` files, `--hparam k=v` and the config linter's extracted facts. Every field is
 * optional: unknown is not the same as false.
 */
export interface TrainingConfig {
  optimizer?: string;
  lr?: number;
  batchSize?: number;
  epochs?: number;
  momentum?: number;
  weightDecay?: number;
  dropout?: number;
  batchnorm?: boolean;
  normalizedInputs?: boolean;
  shuffle?: boolean;
  loss?: string;
  outputActivation?: string;
  numClasses?: number;
  trainSize?: number;
  /** A learning-rate schedule (ReduceLROnPlateau, StepLR, cosine, ...) is configured. */
  lrSchedule?: boolean;
  earlyStopping?: boolean;
  /** Anything else the user told us, verbatim. */
  extra?: Record<string, HparamValue>;
}

/** A configuration fact with where it was found (config linter output, also fed to diagnosis). */
export interface ConfigFact {
  key: keyof Omit<TrainingConfig, "extra"> | string;
  value: HparamValue;
  file: string;
  line: number;
  /** Source text of the value, for PR suggestions. */
  text?: string;
}
