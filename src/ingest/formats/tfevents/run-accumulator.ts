import type { Issue } from "../../../domain/issue.js";
import type { HparamValue } from "../../../domain/run.js";
import type { IngestResult } from "../../types.js";
import { SeriesBuilder } from "../../series-builder.js";
import { constantStepIssues } from "./constant-step.js";
import { crc32c, maskCrc } from "./crc32c.js";
import { EventDecoder, type EventSink, type ScalarCounts, type SkippedKind } from "./event-decoder.js";
import { KernelFastPath } from "./kernel-fast-path.js";
import { DEFAULT_KERNEL_SIZES } from "./scan-kernel.js";
import { tfeventsMessages as msg } from "./messages.js";
import { DEFAULT_MAX_ISSUES_PER_FILE, DEFAULT_MAX_RECORD_BYTES, type TfEventsOptions } from "./options.js";
import { TfRecordDecoder, type RecordHandler } from "./record-decoder.js";
import { assembleRun, type SplitGroup } from "./assemble-run.js";
import { splitOfFile } from "./run-layout.js";
import type { TagInfo } from "./tag-cache.js";
import { TagCache } from "./tag-cache.js";
import type { TensorScalarResult } from "./tensor-scalar.js";

/** Counters over everything read, for messages and benchmarks. */
export interface TfEventsStats extends ScalarCounts {
  bytes: number;
  records: number;
  skipped: Partial<Record<SkippedKind, number>>;
}

interface FileState {
  path: string;
  decoder: TfRecordDecoder;
  onRecord: RecordHandler;
  issues: Issue[];
  versions: number;
  purgedBefore: number;
  /** Scalars whose step went back (restart) or repeated the previous one (re-logged). */
  restarts: number;
  repeats: number;
}

/**
 * Collects the events of one run directory, file after file, into series and hparams. Used by the
 * pure `parseTfEvents` (whole files in memory) and by the streaming edge reader alike.
 */
export class TfEventsRunAccumulator implements EventSink {
  readonly stats: TfEventsStats = { bytes: 0, records: 0, scalars: 0, simpleValues: 0, tensorScalars: 0, skipped: {} };
  private readonly issues: Issue[] = [];
  private readonly groups = new Map<string, SplitGroup>();
  private readonly hparamValues: Record<string, HparamValue> = {};
  private readonly files: string[] = [];
  private group!: SplitGroup;
  private file: FileState | undefined;
  private totalBytes = 0;

  constructor(private readonly options: TfEventsOptions) {}

  /**
   * Starts a file; feed its bytes to the returned decoder (`push`, then `end`), then call `endFile`.
   * `expectedBytes` (the file's size, when known) lets the fast path size point stores once.
   */
  beginFile(path: string, expectedBytes?: number): TfRecordDecoder {
    const { limits } = this.options;
    const split = splitOfFile(path) ?? "";
    this.group = this.groups.get(split) ?? this.newGroup(split);
    const totalRoom = Math.max(0, limits.maxTotalBytes - this.totalBytes);
    const byTotal = totalRoom < limits.maxFileBytes;
    const onRecord: RecordHandler = (buf, view, start, end, offset) => {
      if (!this.group.decoder.decode(buf, view, start, end)) this.badRecord(buf, view, start, end, offset);
    };
    const decoder = new TfRecordDecoder(
      {
        file: path,
        verifyDataCrc: this.options.verifyDataCrc,
        expectedBytes,
        maxRecordBytes: this.options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
        maxBytes: byTotal ? totalRoom : limits.maxFileBytes,
        limitIssue: byTotal
          ? { code: "tfevents-total-too-large", message: msg.totalTooLarge(limits.maxTotalBytes) }
          : { code: "tfevents-file-too-large", message: msg.fileTooLarge(limits.maxFileBytes) },
      },
      onRecord,
      this.group.fastPath,
    );
    this.files.push(path);
    this.file = { path, decoder, onRecord, issues: [], versions: 0, purgedBefore: this.purgedPoints(), restarts: 0, repeats: 0 };
    return decoder;
  }

  /** Finishes the current file: empty-file, restart and limit issues. */
  endFile(): void {
    const file = this.file;
    if (file === undefined) return;
    const { decoder, path } = file;
    this.totalBytes += decoder.offset;
    this.stats.bytes += decoder.offset;
    this.stats.records += decoder.records;
    const fileIssues = [...decoder.issues, ...file.issues];
    if (decoder.offset === 0 && fileIssues.length === 0) fileIssues.push(this.issue("tfevents-empty-file", "warning", msg.emptyFile(), path));
    else if (decoder.records > 0 && decoder.records === file.versions && fileIssues.length === 0) {
      fileIssues.push(this.issue("tfevents-empty-file", "warning", msg.versionOnly(), path));
    }
    const purged = this.purgedPoints() - file.purgedBefore;
    if (purged > 0 && file.restarts > 0) fileIssues.push(this.issue("tfevents-restart-purged", "info", msg.restartPurged(purged), path));
    else if (purged > 0) fileIssues.push(this.issue("tfevents-repeated-steps", "info", msg.repeatedSteps(file.repeats), path));
    this.issues.push(...capIssues(fileIssues, this.options.maxIssuesPerFile ?? DEFAULT_MAX_ISSUES_PER_FILE, path));
    this.file = undefined;
  }

  /** Abandons the current file after an I/O failure: keeps what was read, adds no empty-file issue. */
  abortFile(): void {
    const file = this.file;
    if (file === undefined) return;
    this.totalBytes += file.decoder.offset;
    this.stats.bytes += file.decoder.offset;
    this.issues.push(...file.decoder.issues, ...file.issues);
    if (file.decoder.offset === 0) this.files.splice(this.files.lastIndexOf(file.path), 1);
    this.file = undefined;
  }

  /** The run (when anything was read) and every issue, in file order. */
  finish(): IngestResult {
    const assembled = assembleRun({
      files: this.files,
      groups: [...this.groups.values()],
      hparams: this.hparamValues,
      stats: this.stats,
    });
    const constantSteps = constantStepIssues(this.groups.values());
    return { runs: assembled.run === undefined ? [] : [assembled.run], issues: [...this.issues, ...constantSteps, ...assembled.issues] };
  }

  scalar(tag: TagInfo, step: number, value: number, wallTime: number, tensor: boolean): void {
    this.stats.scalars++;
    if (tensor) this.stats.tensorScalars++;
    else this.stats.simpleValues++;
    const last = tag.lastStep;
    if (step <= last && this.file !== undefined) {
      if (step < last) this.file.restarts++;
      else {
        this.file.repeats++;
        if (tag.repeats++ === 0) tag.repeatedIn = this.file.path;
      }
    }
    tag.lastStep = step;
    // Each tag belongs to one split group's TagCache, so its appender is that group's series.
    let append = tag.append;
    if (append === undefined) {
      const { builder, context } = this.group;
      append = tag.append = builder.channel(tag.name, context, tag.stepUnit);
      tag.points = builder.store(tag.name, context, tag.stepUnit);
      tag.pointLimit = builder.maxPointsPerSeries;
    }
    append(step, value, wallTime === wallTime ? wallTime : undefined);
  }

  hparams(values: Record<string, HparamValue>): void {
    Object.assign(this.hparamValues, values);
  }

  fileVersion(): void {
    if (this.file !== undefined) this.file.versions++;
  }

  skipped(kind: SkippedKind): void {
    this.stats.skipped[kind] = (this.stats.skipped[kind] ?? 0) + 1;
  }

  unsupportedScalar(tag: TagInfo, result: Exclude<TensorScalarResult, { ok: true }>): void {
    if (tag.reported || this.file === undefined) return;
    tag.reported = true;
    const detail =
      result.reason === "dtype" ? `of dtype ${result.dtype}, not float/double/half`
      : result.reason === "shape" ? `not a single value (${result.elements} elements)`
      : result.reason === "empty" ? "empty" : "malformed";
    this.file.issues.push(this.issue("tfevents-unsupported-scalar", "warning", msg.unsupportedScalar(tag.name, detail), this.file.path));
  }

  private badRecord(buf: Uint8Array, view: DataView, start: number, end: number, offset: number): void {
    if (this.file === undefined) return;
    const path = this.file.path;
    // Fast mode skipped the data CRC; check it now to tell corruption from an unexpected payload.
    const corrupt = !this.options.verifyDataCrc && maskCrc(crc32c(buf, start, end, 0, view)) !== view.getUint32(end, true);
    const issue = corrupt
      ? this.issue("tfevents-bad-data-crc", "error", msg.badDataCrc(offset), path, offset)
      : this.issue("tfevents-bad-record", "warning", msg.badRecord(offset), path, offset);
    this.file.issues.push(issue);
  }

  private newGroup(split: string): SplitGroup {
    const tags = new TagCache();
    const decoder = new EventDecoder(tags, this, this.stats);
    const kernel = this.options.scanKernel;
    const group: SplitGroup = {
      split,
      decoder,
      tags,
      fastPath: kernel === undefined ? decoder : new KernelFastPath(kernel, decoder, tags, this.stats, { ...DEFAULT_KERNEL_SIZES, ...this.options.kernelSizes }),
      context: split === "" ? {} : { split: split === "train" ? "train" : "val" },
      builder: new SeriesBuilder({ maxPointsPerSeries: this.options.limits.maxPointsPerSeries, restartPolicy: "purge", file: split }),
    };
    this.groups.set(split, group);
    return group;
  }

  private purgedPoints(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.builder.purgedPoints;
    return n;
  }

  private issue(code: string, severity: Issue["severity"], message: string, file: string, byteOffset?: number): Issue {
    return { code, severity, message, location: byteOffset === undefined ? { file } : { file, byteOffset } };
  }
}

function capIssues(issues: Issue[], max: number, file: string): Issue[] {
  if (issues.length <= max) return issues;
  const dropped = issues.length - max;
  return [...issues.slice(0, max), { code: "tfevents-too-many-issues", severity: "warning", message: msg.tooManyIssues(dropped), location: { file } }];
}
