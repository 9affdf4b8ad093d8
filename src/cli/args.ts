import { stat } from "node:fs/promises";
import { loadConfigFile } from "../diagnose/config/load-config-file.js";
import { mergeConfigs, normalizeHparams } from "../diagnose/config/normalize-hparams.js";
import { parseHparamArgs } from "../diagnose/config/parse-hparam-args.js";
import type { Issue } from "../domain/issue.js";
import type { TrainingConfig } from "../domain/training-config.js";
import { UsageError } from "./io.js";

/** Runs an argument parser (node:util `parseArgs`), turning its errors into usage errors (exit 2). */
export function usageOnBadArgs<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Fails with a usage error naming the first path that does not exist. */
export async function assertReadable(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await stat(path);
    } catch {
      throw new UsageError(`cannot read '${path}': no such file or directory`);
    }
  }
}

/**
 * The run configuration from `--config <file>` (already resolved against the working directory) and
 * `--hparam k=v` flags; flags win. A broken file or a malformed flag is a usage error; warnings about
 * the file are returned.
 */
export async function loadRunConfig(configPath: string | undefined, hparamArgs: readonly string[]): Promise<{ config: TrainingConfig; issues: Issue[] }> {
  const parts: TrainingConfig[] = [];
  const issues: Issue[] = [];
  if (configPath !== undefined) {
    const loaded = await loadConfigFile(configPath);
    if (loaded.issues.some((i) => i.severity === "error")) throw new UsageError(loaded.issues.map((i) => i.message).join("; "));
    parts.push(loaded.config);
    issues.push(...loaded.issues);
  }
  const { hparams, issues: hparamIssues } = parseHparamArgs([...hparamArgs]);
  if (hparamIssues.length > 0) throw new UsageError(hparamIssues.map((i) => i.message).join("; "));
  parts.push(normalizeHparams(hparams));
  return { config: mergeConfigs(...parts), issues };
}
