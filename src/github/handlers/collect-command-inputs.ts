import type { Issue } from "../../domain/issue.js";
import type { InputFile } from "../../ingest/types.js";
import type { AppConfig } from "../../config/schema.js";
import { downloadArtifact, downloadRunArtifacts, getArtifact } from "../collect/artifacts.js";
import { fetchAttachment } from "../collect/attachments.js";
import { downloadRepoFile } from "../collect/download-file.js";
import type { DiagnoseCommand } from "../commands/parse-diagnose-command.js";
import { UserFacingError } from "../errors.js";
import type { GitHub, RepoRef } from "../types.js";

/** Most inputs (paths + links + runs) read from one comment. */
export const MAX_COMMAND_INPUTS = 10;

export interface CommandInputs {
  files: InputFile[];
  issues: Issue[];
}

/** Runs one download; a user-level problem becomes an issue, anything else propagates. */
async function attempt(label: string, issues: Issue[], fn: () => Promise<InputFile[]>): Promise<InputFile[]> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    issues.push({ code: "input-skipped", severity: "warning", message: error.message, location: { file: label } });
    return [];
  }
}

function sameRepo(repo: RepoRef, other: { owner: string; repo: string }): boolean {
  return repo.owner.toLowerCase() === other.owner.toLowerCase() && repo.repo.toLowerCase() === other.repo.toLowerCase();
}

/**
 * Collect step of `/diagnose` (edge): pasted logs, attachments (GitHub hosts only, size-limited),
 * repository paths at `path@ref` (default: `defaultRef`), and Actions runs/artifacts of this repository.
 */
export async function collectCommandInputs(
  octokit: GitHub, fetchImpl: typeof fetch, repo: RepoRef, command: DiagnoseCommand, config: AppConfig, defaultRef: string,
): Promise<CommandInputs> {
  const issues: Issue[] = [];
  const files: InputFile[] = command.pasted.map((p) => ({ path: p.name, data: new TextEncoder().encode(p.text) }));
  const tasks: [string, () => Promise<InputFile[]>][] = [
    ...command.repoPaths.map((p): [string, () => Promise<InputFile[]>] => [p.path, async () => [await downloadRepoFile(octokit, repo, p.path, p.ref ?? defaultRef, config.logs.maxFileBytes)]]),
    ...command.attachments.map((url, i): [string, () => Promise<InputFile[]>] => [url, async () => [await fetchAttachment(url, i + 1, config.logs.maxAttachmentBytes, fetchImpl)]]),
    ...command.runs.map((r): [string, () => Promise<InputFile[]>] => [`run ${r.runId}`, async () => {
      if (!sameRepo(repo, r)) throw new UserFacingError(`Run ${r.runId} belongs to ${r.owner}/${r.repo}; only runs of this repository can be read.`);
      const got = await downloadRunArtifacts(octokit, repo, r.runId, { namePattern: config.artifacts.name, maxBytes: config.artifacts.maxBytes });
      issues.push(...got.issues);
      return got.files;
    }]),
    ...command.artifacts.map((a): [string, () => Promise<InputFile[]>] => [`artifact ${a.artifactId}`, async () => {
      if (!sameRepo(repo, a)) throw new UserFacingError(`Artifact ${a.artifactId} belongs to ${a.owner}/${a.repo}; only artifacts of this repository can be read.`);
      return [await downloadArtifact(octokit, repo, await getArtifact(octokit, repo, a.artifactId), config.artifacts.maxBytes)];
    }]),
  ];
  if (tasks.length > MAX_COMMAND_INPUTS) {
    issues.push({ code: "too-many-inputs", severity: "info", message: `Only the first ${MAX_COMMAND_INPUTS} inputs of the comment were read.` });
  }
  for (const [label, task] of tasks.slice(0, MAX_COMMAND_INPUTS)) files.push(...(await attempt(label, issues, task)));
  return { files, issues };
}
