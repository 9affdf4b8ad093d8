import type { Issue } from "../../domain/issue.js";
import type { InputFile } from "../../ingest/types.js";
import { globToRegExp } from "../commands/glob.js";
import { DownloadTooLargeError } from "../errors.js";
import type { GitHub, RepoRef } from "../types.js";

/** Most artifacts read from one workflow run. */
export const MAX_ARTIFACTS_PER_RUN = 10;

export interface ArtifactDownload {
  files: InputFile[];
  issues: Issue[];
}

interface ArtifactMeta { id: number; name: string; size_in_bytes: number; expired: boolean }

/** Octokit returns an ArrayBuffer for binary bodies; be lenient with Buffers and strings (mislabelled responses). */
function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === "string") return new Uint8Array(Buffer.from(data, "latin1"));
  return new Uint8Array();
}

/** Downloads one artifact zip (edge) after checking its declared size; ingest unpacks it. */
export async function downloadArtifact(octokit: GitHub, repo: RepoRef, artifact: ArtifactMeta, maxBytes: number): Promise<InputFile> {
  if (artifact.size_in_bytes > maxBytes) throw new DownloadTooLargeError(`Artifact \`${artifact.name}\``, artifact.size_in_bytes, maxBytes);
  const { data } = await octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: artifact.id, archive_format: "zip" });
  const bytes = toBytes(data);
  if (bytes.byteLength > maxBytes) throw new DownloadTooLargeError(`Artifact \`${artifact.name}\``, bytes.byteLength, maxBytes);
  return { path: `${artifact.name}.zip`, data: bytes };
}

/** Metadata of one artifact by id (for artifact URLs in comments). */
export async function getArtifact(octokit: GitHub, repo: RepoRef, artifactId: number): Promise<ArtifactMeta> {
  return (await octokit.rest.actions.getArtifact({ ...repo, artifact_id: artifactId })).data;
}

/**
 * Downloads the artifacts of a workflow run whose names match `namePattern` (edge). Expired and
 * oversized artifacts become issues, not failures.
 */
export async function downloadRunArtifacts(
  octokit: GitHub,
  repo: RepoRef,
  runId: number,
  options: { namePattern: string; maxBytes: number; exclude?: (name: string) => boolean },
): Promise<ArtifactDownload> {
  const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, per_page: 100 });
  const matcher = globToRegExp(options.namePattern);
  const wanted = data.artifacts.filter((a) => matcher.test(a.name) && !(options.exclude?.(a.name) ?? false)).slice(0, MAX_ARTIFACTS_PER_RUN);
  const result: ArtifactDownload = { files: [], issues: [] };
  for (const artifact of wanted) {
    if (artifact.expired) {
      result.issues.push({ code: "artifact-expired", severity: "warning", message: `Artifact \`${artifact.name}\` has expired and cannot be read.`, location: { file: artifact.name } });
      continue;
    }
    try {
      result.files.push(await downloadArtifact(octokit, repo, artifact, options.maxBytes));
    } catch (error) {
      if (!(error instanceof DownloadTooLargeError)) throw error;
      result.issues.push({ code: "artifact-too-large", severity: "warning", message: error.message, location: { file: artifact.name } });
    }
  }
  return result;
}
