import type { Issue } from "../domain/issue.js";
import { messages } from "./messages.js";

/** Default size limit of one linted file, in UTF-16 code units (~2 MB of ASCII). */
export const DEFAULT_MAX_FILE_CHARS = 2_000_000;

/** Notebooks may be this many times larger than `maxFileChars` (outputs are not parsed). */
export const NOTEBOOK_SIZE_FACTOR = 4;

export type SourceKind = "python" | "notebook" | "yaml" | "json" | "toml";

const KINDS: Readonly<Record<string, SourceKind>> = {
  py: "python",
  ipynb: "notebook",
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  toml: "toml",
};

export function sourceKind(path: string): SourceKind | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return KINDS[ext] ?? null;
}

/**
 * Guards untrusted text before parsing: strips a BOM, refuses binary content (NUL characters) and
 * files above the size limit. Returns the cleaned text or null with an issue.
 */
export function prepareText(path: string, text: string, maxChars: number, issues: Issue[]): string | null {
  if (text.length > maxChars) {
    issues.push({ code: "file-too-large", severity: "warning", message: messages.tooLarge(text.length, maxChars), location: { file: path } });
    return null;
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split("\n").length;
    issues.push({ code: "binary-file", severity: "warning", message: messages.binary(), location: { file: path, line } });
    return null;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
