import type { Issue } from "../../domain/issue.js";
import type { InputFile } from "../../ingest/types.js";
import type { AppConfig } from "../../config/schema.js";
import type { SourceText } from "../analyze/analyze-configs.js";
import { matchesGlobs } from "../commands/glob.js";
import { UserFacingError } from "../errors.js";
import type { GitHub, RepoRef } from "../types.js";
import { downloadRepoFile } from "./download-file.js";

/** Largest config/script file linted (configs are small; bigger files are skipped with an issue). */
export const MAX_CONFIG_FILE_BYTES = 2 * 1024 * 1024;

/** Changed paths split by the repository config's log and config globs, capped by the configured counts. */
export function selectPaths(paths: readonly string[], config: AppConfig): { logs: string[]; configs: string[]; skipped: Issue[] } {
  const logs = paths.filter((p) => matchesGlobs(p, config.logs.paths, config.logs.ignore));
  const configs = config.configGate.enabled ? paths.filter((p) => !logs.includes(p) && matchesGlobs(p, config.configGate.paths)) : [];
  const skipped: Issue[] = [];
  if (logs.length > config.logs.maxFiles) {
    skipped.push({ code: "too-many-logs", severity: "info", message: `${logs.length} logs changed; only the first ${config.logs.maxFiles} were read (logs.maxFiles).` });
  }
  if (configs.length > config.configGate.maxFiles) {
    skipped.push({ code: "too-many-configs", severity: "info", message: `${configs.length} configs changed; only the first ${config.configGate.maxFiles} were linted (configGate.maxFiles).` });
  }
  return { logs: logs.slice(0, config.logs.maxFiles), configs: configs.slice(0, config.configGate.maxFiles), skipped };
}

/**
 * Downloads files at `ref` (concurrently; results in `paths` order) unless `known` already holds their
 * contents at `ref` (e.g. rebuilt from a PR's patches); user-level problems (missing,
 * too large) become issues, not failures. The count is already capped by `logs.maxFiles`/`configGate.maxFiles`.
 */
export async function downloadFiles(
  octokit: GitHub, repo: RepoRef, paths: string[], ref: string, maxBytes: number, known?: ReadonlyMap<string, Uint8Array>,
): Promise<{ files: InputFile[]; issues: Issue[] }> {
  const results = await Promise.all(paths.map(async (path): Promise<InputFile | Issue> => {
    const data = known?.get(path);
    if (data !== undefined && data.byteLength <= maxBytes) return { path, data };
    try {
      return await downloadRepoFile(octokit, repo, path, ref, maxBytes);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      return { code: "download-skipped", severity: "warning", message: error.message, location: { file: path } };
    }
  }));
  const files: InputFile[] = [];
  const issues: Issue[] = [];
  for (const r of results) {
    if ("data" in r) files.push(r);
    else issues.push(r);
  }
  return { files, issues };
}

/** Downloads config sources as text at `ref` (missing files — e.g. new in the PR — are skipped). */
export async function downloadSources(
  octokit: GitHub, repo: RepoRef, paths: string[], ref: string, known?: ReadonlyMap<string, Uint8Array>,
): Promise<{ sources: SourceText[]; issues: Issue[] }> {
  const { files, issues } = await downloadFiles(octokit, repo, paths, ref, MAX_CONFIG_FILE_BYTES, known);
  const decoder = new TextDecoder("utf-8");
  return { sources: files.map((f) => ({ path: f.path, text: decoder.decode(f.data) })), issues };
}
