import { open, readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Issue } from "../domain/issue.js";
import { looksLikeMlflow } from "./formats/mlflow.js";
import { resolveScanKernel } from "./formats/tfevents/scan-kernel-loader.js";
import { readTfEventsFiles } from "./formats/tfevents/read-tfevents-file.js";
import { isTfEventsPath } from "./formats/tfevents/run-layout.js";
import { mergeAddScalarsRuns } from "./formats/tfevents/add-scalars.js";
import { tfeventsRunKey } from "./group-files.js";
import { ingestFiles, nameByPrefix } from "./ingest.js";
import { formatBytes, ingestIssue } from "./messages.js";
import { resolveLimits, type IngestLimits, type IngestOptions, type IngestResult, type InputFile } from "./types.js";

/**
 * Event-file runs at least this large (all files of the run together) are streamed from disk in chunks
 * instead of being read whole, so memory stays close to the decoded series.
 */
export const STREAM_TFEVENTS_BYTES = 64 * 1024 * 1024;

export interface ReadPathsOptions extends Omit<IngestOptions, "scanKernel"> {
  /** The WebAssembly tfevents record loop: default `loadScanKernel()` (when built); `null` = the TypeScript loop. */
  scanKernel?: IngestOptions["scanKernel"] | null;
  /** Event-file runs at least this large are streamed. Default STREAM_TFEVENTS_BYTES. */
  streamTfeventsBytes?: number;
}

/** Directories never walked. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".ipynb_checkpoints", "wandb-artifacts"]);
/** Files read when walking a directory: logs, tables, JSON, archives and TensorBoard event files. */
const LOG_FILE = /tfevents|\.(csv|tsv|json|jsonl|ndjson|log|txt|out|zip)$/i;

/**
 * Edge: reads files, directories (recursively) and zip archives from disk, then runs `ingestFiles`.
 * Directories are walked breadth-first with `maxFilesPerDirectory`; only log-like files are read
 * (plus extension-less MLflow metric files: under `metrics/`, or recognised by their first bytes; and
 * `params/`/`tags/` files of runs under `mlruns/`). Sizes are checked before reading, so an
 * oversized file is never loaded. TensorBoard runs of STREAM_TFEVENTS_BYTES or more are streamed in
 * chunks rather than read whole (same result as reading them whole). Unreadable paths become issues.
 */
export async function ingestPaths(paths: string[], options: ReadPathsOptions = {}): Promise<IngestResult> {
  const limits = resolveLimits(options.limits);
  const issues: Issue[] = [];
  const admitted = await admitCandidates(paths, limits, issues);
  const { streamed, whole } = splitStreamedRuns(admitted, options);
  const files: InputFile[] = [];
  for (const candidate of whole) {
    const data = await readSafely(candidate.path, issues);
    if (data !== undefined) files.push({ path: candidate.path, data });
  }
  const scanKernel = resolveScanKernel(options.scanKernel);
  const result = ingestFiles(files, { ...options, scanKernel });
  const runs = [...result.runs];
  const streamIssues: Issue[] = [];
  for (const [key, group] of streamed) {
    const read = await readTfEventsFiles(group.map((c) => c.path), { limits, verifyDataCrc: options.verifyDataCrc ?? true, scanKernel: scanKernel ?? null });
    const named = nameByPrefix(read, key);
    runs.push(...named.runs);
    streamIssues.push(...named.issues);
  }
  return { runs: streamed.size > 0 ? mergeAddScalarsRuns(runs) : runs, issues: [...issues, ...result.issues, ...streamIssues] };
}

/** Lists every path and applies the per-file and total size limits before anything is read. */
async function admitCandidates(paths: string[], limits: IngestLimits, issues: Issue[]): Promise<Candidate[]> {
  const admitted: Candidate[] = [];
  let total = 0;
  for (const path of paths) {
    for (const candidate of await listPath(path, limits, issues)) {
      if (candidate.size > limits.maxFileBytes) {
        issues.push(ingestIssue("file-too-large", { file: candidate.path }, formatBytes(limits.maxFileBytes)));
      } else if (total + candidate.size > limits.maxTotalBytes) {
        issues.push(ingestIssue("total-size-exceeded", { file: candidate.path }, formatBytes(limits.maxTotalBytes)));
      } else {
        total += candidate.size;
        admitted.push(candidate);
      }
    }
  }
  return admitted;
}

/** Event-file runs of at least STREAM_TFEVENTS_BYTES are streamed; everything else is read whole. */
function splitStreamedRuns(candidates: Candidate[], options: ReadPathsOptions): { streamed: Map<string, Candidate[]>; whole: Candidate[] } {
  const streamed = new Map<string, Candidate[]>();
  const format = options.format ?? "auto";
  if (format !== "auto" && format !== "tfevents") return { streamed, whole: candidates };
  const runs = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!isTfEventsPath(c.path)) continue;
    const key = tfeventsRunKey(c.path);
    runs.set(key, [...(runs.get(key) ?? []), c]);
  }
  for (const [key, group] of runs) {
    const threshold = options.streamTfeventsBytes ?? STREAM_TFEVENTS_BYTES;
    if (group.reduce((sum, c) => sum + c.size, 0) >= threshold) streamed.set(key, group);
  }
  const isStreamed = new Set([...streamed.values()].flat());
  return { streamed, whole: candidates.filter((c) => !isStreamed.has(c)) };
}

interface Candidate {
  path: string;
  size: number;
}

async function listPath(path: string, limits: IngestLimits, issues: Issue[]): Promise<Candidate[]> {
  try {
    const info = await stat(path);
    if (info.isFile()) return [{ path, size: info.size }];
    if (info.isDirectory()) return await walkDirectory(path, limits, issues);
    issues.push(ingestIssue("path-unreadable", { file: path }, "not a regular file or directory"));
  } catch (error) {
    issues.push(ingestIssue("path-unreadable", { file: path }, describe(error)));
  }
  return [];
}

async function walkDirectory(root: string, limits: IngestLimits, issues: Issue[]): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const queue = [root];
  let visited = 0;
  while (queue.length > 0) {
    const dir = queue.shift() ?? root;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      issues.push(ingestIssue("path-unreadable", { file: dir }, describe(error)));
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) queue.push(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (!isLogFile(relative(root, full)) && !(isExtensionless(entry.name) && (await sniffMlflow(full)))) continue;
      if (++visited > limits.maxFilesPerDirectory) {
        issues.push(ingestIssue("dir-file-limit", { file: root }, String(limits.maxFilesPerDirectory)));
        return found;
      }
      const size = await sizeOf(full, issues);
      if (size !== undefined) found.push({ path: full, size });
    }
  }
  if (found.length === 0) issues.push(ingestIssue("no-log-files", { file: root }));
  return found;
}

/** Log-like names, plus MLflow metric files (`.../metrics/<name>`, no extension). */
export function isLogFile(path: string): boolean {
  const normalized = path.replace(/\\/g, "/");
  const name = normalized.slice(normalized.lastIndexOf("/") + 1);
  if (LOG_FILE.test(name)) return true;
  return /(^|\/)metrics\/[^/.]+$/.test(normalized) || /(^|\/)mlruns\/.*\/(params|tags)\/[^/]+$/.test(normalized);
}

function isExtensionless(name: string): boolean {
  return !name.includes(".") && !name.startsWith(".");
}

/** Bytes read from an extension-less file to decide whether it is an MLflow metric file. */
const MLFLOW_SNIFF_BYTES = 512;

/** MLflow metric files have no extension; read a little of extension-less files to recognise them. */
async function sniffMlflow(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = new Uint8Array(MLFLOW_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MLFLOW_SNIFF_BYTES, 0);
    return looksLikeMlflow(new TextDecoder().decode(buffer.subarray(0, bytesRead)));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

async function sizeOf(path: string, issues: Issue[]): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    issues.push(ingestIssue("path-unreadable", { file: path }, describe(error)));
    return undefined;
  }
}

async function readSafely(path: string, issues: Issue[]): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    issues.push(ingestIssue("path-unreadable", { file: path }, describe(error)));
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    if (error.code === "ENOENT") return "no such file or directory";
    if (error.code === "EACCES") return "permission denied";
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
