import type { ScanKernelFactory } from "./formats/tfevents/scan-kernel.js";
import type { Issue } from "../domain/issue.js";
import type { TrainingRun } from "../domain/run.js";

/** One input file as bytes, with the path the user knows it by. */
export interface InputFile {
  path: string;
  data: Uint8Array;
}

/** Format families a user can force with `--format`. */
export type FormatHint = "auto" | "tfevents" | "csv" | "json" | "text";

/**
 * Resource limits for reading untrusted logs. Exceeding one yields an issue, never a crash.
 * Defaults in DEFAULT_INGEST_LIMITS (documented in README "Configuration").
 */
export interface IngestLimits {
  /** Largest single file read. */
  maxFileBytes: number;
  /** Largest total input (all files, archive contents after expansion). */
  maxTotalBytes: number;
  /** Points kept per series; later points are dropped with an issue. */
  maxPointsPerSeries: number;
  /** Entries read from one zip archive. */
  maxFilesPerArchive: number;
  /** Largest uncompressed/compressed size ratio accepted per archive entry (zip-bomb guard). */
  maxExpansionRatio: number;
  /** Files visited when walking a directory. */
  maxFilesPerDirectory: number;
}

export const DEFAULT_INGEST_LIMITS: Readonly<IngestLimits> = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxPointsPerSeries: 10_000_000,
  maxFilesPerArchive: 2_000,
  maxExpansionRatio: 200,
  maxFilesPerDirectory: 5_000,
};

export interface IngestOptions {
  format?: FormatHint;
  limits?: Partial<IngestLimits>;
  /** Verify the data CRC of every tfevents record (default true). `false` = fast mode: length CRC only. */
  verifyDataCrc?: boolean;
  /** The WebAssembly tfevents record loop (ADR 0006); `ingestPaths` loads it. Undefined: the TypeScript loop. */
  scanKernel?: ScanKernelFactory | undefined;
}

/** What every parser and the ingest entry return. Never thrown: problems are issues. */
export interface IngestResult {
  runs: TrainingRun[];
  issues: Issue[];
}

/** Resolves options against the defaults. */
export function resolveLimits(limits: Partial<IngestLimits> | undefined): IngestLimits {
  return { ...DEFAULT_INGEST_LIMITS, ...limits };
}
