import type { Issue } from "../domain/issue.js";
import type { TrainingRun } from "../domain/run.js";
import { isZip, unzipArchive, type UnzipBudget } from "./containers/unzip.js";
import { detectFormat, type DetectedKind } from "./detect-format.js";
import { parseConsole } from "./formats/console/parse-console.js";
import { parseCsv } from "./formats/csv/parse-csv.js";
import { parseJson } from "./formats/json/parse-json.js";
import { parseMlflow } from "./formats/mlflow.js";
import { parseTfEvents } from "./formats/tfevents/parse-tfevents.js";
import { mergeAddScalarsRuns } from "./formats/tfevents/add-scalars.js";
import { groupBy, mlflowRunKey, splitMlflowSidecars, tfeventsPrefixName, tfeventsRunKey, type MlflowSidecars } from "./group-files.js";
import { formatBytes, ingestIssue } from "./messages.js";
import { resolveLimits, type IngestLimits, type IngestOptions, type IngestResult, type InputFile } from "./types.js";

/** Zip archives inside zip archives are unpacked down to this depth (Actions artifacts of artifacts). */
export const MAX_ZIP_DEPTH = 2;

/** Parsers of single-file formats. */
const SINGLE_FILE_PARSERS: Partial<Record<DetectedKind, (file: InputFile, limits: IngestLimits) => IngestResult>> = {
  csv: parseCsv,
  json: parseJson,
  text: parseConsole,
};

/**
 * Reads training logs from bytes. Pure: no file system, clock or network. Never throws on user data.
 *
 *   1. limits: files over maxFileBytes, or past maxTotalBytes, are skipped with an issue;
 *   2. zip archives are unpacked in memory (guarded against bombs and path tricks), recursively;
 *   3. each file's format is detected (or forced by `options.format`);
 *   4. TensorBoard event files are grouped by run directory and MLflow metric files by run (with the
 *      run's `params/` as hparams and its `mlflow.runName` tag as name);
 *   5. every file or group is parsed into runs and located issues, in input order (archive issues first).
 */
export function ingestFiles(files: InputFile[], options: IngestOptions = {}): IngestResult {
  const limits = resolveLimits(options.limits);
  const issues: Issue[] = [];
  const budget: UnzipBudget & { maxTotalBytes: number } = { maxTotalBytes: limits.maxTotalBytes,  maxFileBytes: limits.maxFileBytes, remainingBytes: limits.maxTotalBytes, maxFilesPerArchive: limits.maxFilesPerArchive, maxExpansionRatio: limits.maxExpansionRatio };
  const { rest: expanded, sidecars } = splitMlflowSidecars(expand(files, budget, issues, 0, true));
  const kinds = expanded.map((file) => ({ file, kind: detectFormat(file, options.format) }));
  const ordered: { order: number; result: IngestResult }[] = [];
  // Position of each file (its first, like indexOf): one lookup per group, not a scan of all files.
  const positions = new Map<InputFile, number>();
  expanded.forEach((file, index) => {
    if (!positions.has(file)) positions.set(file, index);
  });
  const orderOf = (file: InputFile | undefined): number => (file ? (positions.get(file) ?? -1) : expanded.length);
  const tfevents = kinds.filter((entry) => entry.kind === "tfevents").map((entry) => entry.file);
  const mlflow = kinds.filter((entry) => entry.kind === "mlflow").map((entry) => entry.file);
  kinds.forEach(({ file, kind }, order) => {
    const parse = SINGLE_FILE_PARSERS[kind];
    if (parse) ordered.push({ order, result: parse(file, limits) });
    else if (kind !== "tfevents" && kind !== "mlflow") ordered.push({ order, result: { runs: [], issues: [kindIssue(file, kind)] } });
  });
  for (const [key, group] of groupBy(tfevents, tfeventsRunKey)) {
    ordered.push({ order: orderOf(group[0]), result: nameByPrefix(parseTfEvents(group, { limits, verifyDataCrc: options.verifyDataCrc ?? true, scanKernel: options.scanKernel }), key) });
  }
  for (const [key, group] of groupBy(mlflow, mlflowRunKey)) {
    const grouped = key !== group[0]?.path;
    const result = parseMlflow(group, limits, group.length > 1 || grouped ? key : undefined);
    ordered.push({ order: orderOf(group[0]), result: grouped ? withSidecars(result, key, sidecars) : result });
  }
  ordered.sort((a, b) => a.order - b.order);
  const runs: TrainingRun[] = mergeAddScalarsRuns(ordered.flatMap((entry) => entry.result.runs));
  // A loop, not push(...spread): an archive of archives can hold more files (and issues) than a call takes arguments.
  for (const entry of ordered) for (const issue of entry.result.issues) issues.push(issue);
  return { runs, issues };
}

/** MLflow params become hparams; the `mlflow.runName` tag names the run. */
function withSidecars(result: IngestResult, key: string, sidecars: MlflowSidecars): IngestResult {
  const params = sidecars.params.get(key) ?? {};
  const name = sidecars.names.get(key);
  return { ...result, runs: result.runs.map((run) => ({ ...run, name: name ?? run.name, hparams: { ...run.hparams, ...params } })) };
}

/** Runs of a flattened collection (`<prefix>events.out.tfevents...`) are named by their prefix. */
export function nameByPrefix(result: IngestResult, key: string): IngestResult {
  const prefix = tfeventsPrefixName(key);
  if (prefix === "") return result;
  return { ...result, runs: result.runs.map((run) => ({ ...run, name: prefix })) };
}

function kindIssue(file: InputFile, kind: DetectedKind): Issue {
  const location = { file: file.path };
  if (kind === "empty") return ingestIssue("empty-file", location);
  if (kind === "lfs-pointer") return ingestIssue("lfs-pointer", location);
  if (kind === "binary") return ingestIssue("binary-file", location);
  return ingestIssue("unknown-format", location);
}

/** Applies the size limits and unpacks archives; returns the files to parse. */
function expand(files: InputFile[], budget: UnzipBudget & { maxTotalBytes: number }, issues: Issue[], depth: number, topLevel: boolean): InputFile[] {
  const out: InputFile[] = [];
  for (const file of files) {
    if (topLevel && !admit(file, budget, issues)) continue;
    if (!isZip(file.data)) {
      out.push(file);
      continue;
    }
    if (depth >= MAX_ZIP_DEPTH) {
      issues.push(ingestIssue("zip-nested-too-deep", { file: file.path }));
      continue;
    }
    const unpacked = unzipArchive(file, budget);
    for (const issue of unpacked.issues) issues.push(issue);
    for (const inner of expand(unpacked.files, budget, issues, depth + 1, false)) out.push(inner);
  }
  return out;
}

/** Checks a top-level file against the per-file and total limits (archive entries are checked by unzip). */
function admit(file: InputFile, budget: UnzipBudget & { maxTotalBytes: number }, issues: Issue[]): boolean {
  if (file.data.length > budget.maxFileBytes) {
    issues.push(ingestIssue("file-too-large", { file: file.path }, formatBytes(budget.maxFileBytes)));
    return false;
  }
  if (file.data.length > budget.remainingBytes) {
    issues.push(ingestIssue("total-size-exceeded", { file: file.path }, formatBytes(budget.maxTotalBytes)));
    return false;
  }
  budget.remainingBytes -= file.data.length;
  return true;
}
