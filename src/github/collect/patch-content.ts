import type { ChangedFile } from "./changed-files.js";

const ADDED_HUNK = /^@@ -0,0 \+1(?:,(\d+))? @@/;
const NO_FINAL_NEWLINE = "\\ No newline at end of file";
const REPLACEMENT_CHAR = "\uFFFD";

/**
 * The full text of a file a PR adds, rebuilt from its diff (pure): GitHub's patch of an added text file
 * is one hunk `@@ -0,0 +1,N @@` followed by N `+` lines. Returns null whenever that cannot be trusted
 * exactly (another hunk shape, a line count that does not match — GitHub truncates large diffs —, an
 * empty file), so the caller downloads the file instead.
 */
export function addedFileFromPatch(patch: string): string | null {
  const lines = patch.split("\n");
  const header = ADDED_HUNK.exec(lines[0] ?? "");
  if (header === null) return null;
  const count = header[1] === undefined ? 1 : Number(header[1]);
  let body = lines.slice(1);
  let finalNewline = true;
  if (body.at(-1) === NO_FINAL_NEWLINE) {
    body = body.slice(0, -1);
    finalNewline = false;
  }
  if (body.length === count + 1 && body.at(-1) === "") body = body.slice(0, -1);
  if (count === 0 || body.length !== count || !body.every((l) => l.startsWith("+"))) return null;
  const text = body.map((l) => l.slice(1)).join("\n") + (finalNewline ? "\n" : "");
  return text.includes(REPLACEMENT_CHAR) ? null : text;
}

/**
 * Contents of the files a PR adds whose patch holds them completely and which are not above
 * `maxBytes` (pure): these need no contents-API request. Others are absent from the map.
 */
export function contentsFromPatches(files: readonly ChangedFile[], maxBytes: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  for (const f of files) {
    if (f.status !== "added" || f.patch === undefined) continue;
    const text = addedFileFromPatch(f.patch);
    if (text === null) continue;
    const data = encoder.encode(text);
    if (data.byteLength <= maxBytes) out.set(f.path, data);
  }
  return out;
}
