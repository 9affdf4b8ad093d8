import type { Issue } from "../../domain/issue.js";
import type { InputFile } from "../../ingest/types.js";
import type { ParsedAppConfig } from "../../config/parse.js";
import type { SourceText } from "../analyze/analyze-configs.js";
import { downloadFiles, downloadSources, selectPaths } from "../collect/collect-files.js";
import type { GitHub, RepoRef } from "../types.js";

/** Step 1 output shared by push, PR and re-run handlers. */
export interface CollectedChanges {
  logs: InputFile[];
  logPaths: string[];
  configs: SourceText[];
  baseConfigs: SourceText[] | null;
  issues: Issue[];
}

/**
 * Collect step (edge): picks changed logs and configs by the repository's globs and downloads them at
 * `headRef` (and configs at `baseRef` too, for the PR diff). `renames` maps new → old paths;
 * `headContents` holds head files already known (added files rebuilt from a PR's patches): not fetched.
 */
export async function collectChanges(
  octokit: GitHub,
  repo: RepoRef,
  changed: readonly string[],
  config: ParsedAppConfig,
  refs: { head: string; base: string | null; renames?: ReadonlyMap<string, string>; headContents?: ReadonlyMap<string, Uint8Array> },
): Promise<CollectedChanges> {
  const selected = selectPaths(changed, config.config);
  const [logs, head] = await Promise.all([
    downloadFiles(octokit, repo, selected.logs, refs.head, config.config.logs.maxFileBytes, refs.headContents),
    downloadSources(octokit, repo, selected.configs, refs.head, refs.headContents),
  ]);
  let baseConfigs: SourceText[] | null = null;
  if (refs.base !== null && head.sources.length > 0) {
    const basePaths = head.sources.map((s) => refs.renames?.get(s.path) ?? s.path);
    const base = await downloadSources(octokit, repo, basePaths, refs.base);
    const back = new Map([...(refs.renames ?? new Map<string, string>())].map(([to, from]) => [from, to]));
    baseConfigs = base.sources.map((s) => ({ path: back.get(s.path) ?? s.path, text: s.text }));
  }
  return {
    logs: logs.files,
    logPaths: logs.files.map((f) => f.path),
    configs: head.sources,
    baseConfigs,
    issues: [...selected.skipped, ...logs.issues, ...head.issues],
  };
}
