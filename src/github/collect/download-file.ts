import type { InputFile } from "../../ingest/types.js";
import { DownloadTooLargeError, UserFacingError } from "../errors.js";
import type { GitHub, RepoRef } from "../types.js";

/**
 * Downloads one repository file at `ref` (edge), refusing files above `maxBytes` before fetching
 * their content. Small files come inline from the contents API; larger ones (> 1 MB) from the blob API.
 */
export async function downloadRepoFile(octokit: GitHub, repo: RepoRef, path: string, ref: string, maxBytes: number): Promise<InputFile> {
  let meta;
  try {
    meta = (await octokit.rest.repos.getContent({ ...repo, path, ref })).data;
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404) {
      throw new UserFacingError(`\`${path}\` was not found at \`${ref}\`.`);
    }
    throw error;
  }
  if (Array.isArray(meta) || meta.type !== "file") throw new UserFacingError(`\`${path}\` at \`${ref}\` is not a file.`);
  if (meta.size > maxBytes) throw new DownloadTooLargeError(`\`${path}\``, meta.size, maxBytes);
  const base64 = meta.content !== "" && meta.encoding === "base64"
    ? meta.content
    : (await octokit.rest.git.getBlob({ ...repo, file_sha: meta.sha })).data.content;
  return { path, data: new Uint8Array(Buffer.from(base64, "base64")) };
}

/** Text of a repository file (for configs); same limits. */
export async function downloadRepoText(octokit: GitHub, repo: RepoRef, path: string, ref: string, maxBytes: number): Promise<string> {
  const file = await downloadRepoFile(octokit, repo, path, ref, maxBytes);
  return new TextDecoder("utf-8").decode(file.data);
}
