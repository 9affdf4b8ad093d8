import type { InputFile } from "../../ingest/types.js";
import { isAttachmentUrl } from "../commands/parse-diagnose-command.js";
import { DownloadTooLargeError, UserFacingError } from "../errors.js";

/** Redirects followed (github.com → objects.githubusercontent.com is one). */
export const MAX_ATTACHMENT_REDIRECTS = 3;
/** Abort a download that takes longer than this. */
export const ATTACHMENT_TIMEOUT_MS = 30_000;

/** Reads a response body up to `maxBytes`, aborting as soon as the limit is passed. */
async function readLimited(response: Response, what: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw new DownloadTooLargeError(what, declared, maxBytes);
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new DownloadTooLargeError(what, total, maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
  return out;
}

function fileNameOf(url: URL, index: number): string {
  const last = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  return /\.\w{2,8}$/.test(last) ? last : `attachment-${index}`;
}

/**
 * Downloads a file uploaded to a GitHub comment (edge). Only GitHub attachment hosts are contacted —
 * on every redirect too — and the body is size-limited while streaming.
 */
export async function fetchAttachment(url: string, index: number, maxBytes: number, fetchImpl: typeof fetch = fetch): Promise<InputFile> {
  const name = fileNameOf(new URL(url), index);
  let current = url;
  for (let hop = 0; hop <= MAX_ATTACHMENT_REDIRECTS; hop++) {
    if (!isAttachmentUrl(current)) throw new UserFacingError(`Refused to download \`${name}\`: it does not point to a file uploaded to GitHub.`);
    const response = await fetchImpl(current, { redirect: "manual", signal: AbortSignal.timeout(ATTACHMENT_TIMEOUT_MS) });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location !== null) {
      current = new URL(location, current).toString();
      continue;
    }
    if (!response.ok) throw new UserFacingError(`Could not download \`${name}\` (HTTP ${response.status}). Attachments of private repositories cannot be read by apps; commit the log or use an Actions artifact.`);
    return { path: name, data: await readLimited(response, `\`${name}\``, maxBytes) };
  }
  throw new UserFacingError(`Could not download \`${name}\`: too many redirects.`);
}
