import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Issue } from "../domain/issue.js";
import { isTrainingConfigPath } from "./is-config-path.js";

/**
 * Edge file: reads lint inputs from disk. Directories are walked for training configs; files named
 * explicitly are always read. Bytes are decoded here (UTF-8, UTF-16 with BOM, Latin-1 fallback).
 */

export interface ReadLimits {
  /** Files above this size are skipped with an issue. Default 8 MiB. */
  maxFileBytes: number;
  /** Files visited per walk. Default 5,000. */
  maxFiles: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileBytes: 8 * 1024 * 1024, maxFiles: 5_000 };

export interface ReadSourcesResult {
  files: { path: string; text: string }[];
  issues: Issue[];
  /** Paths that do not exist or cannot be read (a usage error for the CLI). */
  missing: string[];
}

/** Decodes bytes: BOM-marked UTF-16, else strict UTF-8, else Latin-1 with an issue. */
export function decodeSource(path: string, data: Uint8Array, issues: Issue[]): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  // NUL bytes mean binary content: keep the bytes 1:1 so the linter reports `binary-file` for them.
  if (data.includes(0)) return new TextDecoder("latin1").decode(data);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    issues.push({ code: "non-utf8-encoding", severity: "info", message: "File is not valid UTF-8; it was read as Latin-1. Save it as UTF-8 for exact columns.", location: { file: path } });
    return new TextDecoder("latin1").decode(data);
  }
}

async function walk(root: string, dir: string, out: string[], limits: ReadLimits): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (out.length >= limits.maxFiles) return;
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".") && entry.name !== "node_modules") await walk(root, full, out, limits);
    else if (entry.isFile() && isTrainingConfigPath(relative(root, full))) out.push(full);
  }
}

async function readOne(full: string, shown: string, limits: ReadLimits, result: ReadSourcesResult): Promise<void> {
  const info = await stat(full);
  if (info.size > limits.maxFileBytes) {
    result.issues.push({ code: "file-too-large", severity: "warning", message: `File is ${info.size} bytes, above the ${limits.maxFileBytes}-byte limit: skipped.`, location: { file: shown } });
    return;
  }
  const data = await readFile(full);
  result.files.push({ path: shown, text: decodeSource(shown, data, result.issues) });
}

/** Reads files and walks directories (relative paths are resolved against `cwd` and shown relative to it). */
export async function readLintSources(paths: string[], cwd: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadSourcesResult> {
  const result: ReadSourcesResult = { files: [], issues: [], missing: [] };
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      const info = await stat(full);
      const targets: string[] = [];
      if (info.isDirectory()) await walk(full, full, targets, limits);
      else targets.push(full);
      for (const target of targets) await readOne(target, relative(cwd, target) || path, limits, result);
    } catch {
      result.missing.push(path);
    }
  }
  return result;
}
