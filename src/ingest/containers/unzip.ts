import { unzipSync, type UnzipFileInfo } from "fflate";
import type { Issue } from "../../domain/issue.js";
import { formatBytes, ingestIssue } from "../messages.js";
import type { InputFile } from "../types.js";

/** Budgets an archive may use; `remainingBytes` shrinks as entries are accepted. */
export interface UnzipBudget {
  maxFileBytes: number;
  remainingBytes: number;
  maxFilesPerArchive: number;
  maxExpansionRatio: number;
}

/** Compression methods fflate can inflate: stored and deflate. */
const SUPPORTED_COMPRESSION = new Set([0, 8]);
/** Entries that are never logs (macOS resource forks, Finder metadata). */
const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$)/;

/** True when the bytes start like a zip archive (local header or empty-archive end record). */
export function isZip(data: Uint8Array): boolean {
  return data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6));
}

/** Why an entry name is unsafe (absolute, drive letter, `..`), or undefined when it is fine. */
export function isUnsafeEntryName(name: string): boolean {
  const normalized = name.replace(/\\/g, "/");
  if (normalized.startsWith("/") || /^[A-Za-z]:/.test(normalized)) return true;
  return normalized.split("/").some((part) => part === "..");
}

/**
 * Unpacks a zip archive in memory. Guards, checked on the declared sizes BEFORE inflating: entry count,
 * per-entry size, total size and compression ratio (zip bombs); unsafe paths are skipped. Inflation
 * writes into a buffer of the declared size, so a lying header cannot allocate more. Never throws.
 */
export function unzipArchive(archive: InputFile, budget: UnzipBudget): { files: InputFile[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const accepted = new Set<string>();
  let entries = 0;
  const filter = (info: UnzipFileInfo): boolean => {
    if (info.name.endsWith("/") || JUNK.test(info.name)) return false;
    const location = { file: `${archive.path}!${info.name}` };
    if (++entries > budget.maxFilesPerArchive) {
      if (entries === budget.maxFilesPerArchive + 1) issues.push(ingestIssue("zip-too-many-entries", { file: archive.path }, String(budget.maxFilesPerArchive)));
      return false;
    }
    const problem = entryProblem(info, budget);
    if (problem) {
      issues.push(ingestIssue(problem.code, location, problem.arg));
      return false;
    }
    budget.remainingBytes -= info.originalSize;
    accepted.add(info.name);
    return true;
  };
  const extracted = safeUnzip(archive, filter, accepted, issues);
  const files = Object.entries(extracted).map(([name, data]) => ({ path: `${archive.path}!${name.replace(/\\/g, "/")}`, data }));
  return { files, issues };
}

function entryProblem(info: UnzipFileInfo, budget: UnzipBudget): { code: "zip-unsafe-path" | "zip-expansion-ratio" | "zip-entry-too-large" | "zip-invalid"; arg: string } | undefined {
  if (isUnsafeEntryName(info.name)) return { code: "zip-unsafe-path", arg: "" };
  if (!SUPPORTED_COMPRESSION.has(info.compression)) return { code: "zip-invalid", arg: `entry '${info.name}' uses unsupported compression method ${info.compression}` };
  const ratio = info.originalSize / Math.max(1, info.size);
  if (ratio > budget.maxExpansionRatio) return { code: "zip-expansion-ratio", arg: ratio.toFixed(0) };
  if (info.originalSize > budget.maxFileBytes || info.originalSize > budget.remainingBytes) return { code: "zip-entry-too-large", arg: formatBytes(info.originalSize) };
  return undefined;
}

/** Runs fflate; when one entry is corrupt, retries entry by entry so the good ones are still read. */
function safeUnzip(archive: InputFile, filter: (info: UnzipFileInfo) => boolean, accepted: Set<string>, issues: Issue[]): Record<string, Uint8Array> {
  try {
    return unzipSync(archive.data, { filter });
  } catch (error) {
    if (accepted.size === 0) {
      issues.push(ingestIssue("zip-invalid", { file: archive.path }, describe(error)));
      return {};
    }
  }
  const result: Record<string, Uint8Array> = {};
  for (const name of accepted) {
    try {
      Object.assign(result, unzipSync(archive.data, { filter: (info) => info.name === name }));
    } catch (error) {
      issues.push(ingestIssue("zip-invalid", { file: `${archive.path}!${name}` }, describe(error)));
    }
  }
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
