import type { IngestLimits } from "../../types.js";
import type { KernelSizes, ScanKernelFactory } from "./scan-kernel.js";

/** Options of the tfevents reader (`parseTfEvents`, `readTfEventsFile`). */
export interface TfEventsOptions {
  limits: IngestLimits;
  /** Verify every record's data CRC (default in ingest: true). `false` = fast mode, length CRC only. */
  verifyDataCrc: boolean;
  /** Issues listed per file before the rest are summarised in one issue. Default: 20. */
  maxIssuesPerFile?: number;
  /** Largest single record accepted. Default: 256 MiB (serialized Events are far smaller). */
  maxRecordBytes?: number;
  /**
   * The WebAssembly record loop (`loadScanKernel()` in edge code). Undefined: the TypeScript loop.
   * Both give the same result; the kernel is about 2x faster on large files.
   */
  scanKernel?: ScanKernelFactory | undefined;
  /** Kernel instance sizes (defaults: `DEFAULT_KERNEL_SIZES`); tests shrink them to reach every branch. */
  kernelSizes?: Partial<KernelSizes>;
}

export const DEFAULT_MAX_ISSUES_PER_FILE = 20;
export const DEFAULT_MAX_RECORD_BYTES = 256 * 1024 * 1024;
