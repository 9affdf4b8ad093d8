import type { AppConfig } from "../../config/schema.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { lintSources, type LintResult } from "../../config-lint/lint.js";
import { diffLint, type LintDiff } from "../../config-lint/diff.js";
import { factsToTrainingConfig } from "../../config-lint/facts-to-config.js";

export interface SourceText {
  path: string;
  text: string;
}

/** Result of the config gate: the head lint, the diff against base (PRs), and the facts as a config. */
export interface ConfigAnalysis {
  head: LintResult;
  /** Present for PRs: what changed, what the PR introduced, what was already there. */
  diff: LintDiff | null;
  trainingConfig: TrainingConfig;
}

/** Lints head (and base, for PRs) versions of changed configs with the repository's rule settings. */
export async function analyzeConfigs(head: SourceText[], base: SourceText[] | null, config: AppConfig): Promise<ConfigAnalysis> {
  const options = {
    disabled: config.configGate.disabled,
    severities: config.configGate.severities,
    thresholds: config.configGate.thresholds,
  };
  const headResult = await lintSources(head, options);
  const diff = base === null ? null : diffLint(await lintSources(base, options), headResult);
  return { head: headResult, diff, trainingConfig: factsToTrainingConfig(headResult.facts) };
}
