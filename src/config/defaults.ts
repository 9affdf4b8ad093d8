/**
 * Every default of the repository config `.github/loss-doctor.yml`, in one place. The zod schema
 * (schema.ts) applies these; docs/configuration.md and schema/app-config.schema.json are generated from it.
 */

/** Globs of training logs the app reads from pushes, PRs and artifacts. */
export const DEFAULT_LOG_PATHS: readonly string[] = [
  "**/*.tfevents.*",
  "**/events.out.tfevents*",
  "**/metrics.csv",
  "**/history.csv",
  "**/training.log",
  "**/train*.log",
  "**/results.csv",
  "**/trainer_state.json",
  "**/history.json",
  "**/*.metrics.jsonl",
  "**/logs/**/*.csv",
  "**/runs/**/*.csv",
  "**/runs/**/*.jsonl",
  "**/runs/**/*.log",
];

/** Globs of training configs and scripts the config gate lints. */
export const DEFAULT_CONFIG_PATHS: readonly string[] = [
  "**/train*.py",
  "**/*.ipynb",
  "**/config*.{yaml,yml,json,toml}",
  "**/configs/**/*.{yaml,yml,json,toml}",
  "**/conf/**/*.{yaml,yml}",
  "**/hparams*.{yaml,yml,json,toml}",
  "**/training_args*.json",
];

export const DEFAULT_MAX_LOG_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_LOG_FILES = 50;
export const DEFAULT_MAX_ARTIFACT_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_CONFIG_FILES = 50;
export const DEFAULT_ARTIFACT_NAME_PATTERN = "*";
export const DEFAULT_REPRO_WORKFLOW = "loss-doctor-repro.yml";
export const DEFAULT_REPRO_RUNS_ON: readonly string[] = ["self-hosted", "gpu"];
export const DEFAULT_REPRO_SEEDS = 3;
