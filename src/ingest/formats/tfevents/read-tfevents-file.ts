// Edge file (file-system I/O), placed beside the pure reader by the module contract.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IngestResult } from "../../types.js";
import type { TfEventsOptions } from "./options.js";
import { TfEventsRunAccumulator } from "./run-accumulator.js";
import type { TfRecordDecoder } from "./record-decoder.js";
import { baseName } from "./run-layout.js";
import { resolveScanKernel } from "./scan-kernel-loader.js";

export interface ReadTfEventsOptions extends Omit<TfEventsOptions, "scanKernel"> {
  /** The WebAssembly record loop: default `loadScanKernel()` (when built); `null` = the TypeScript loop. */
  scanKernel?: TfEventsOptions["scanKernel"] | null;
  /** Read-stream chunk size. Default 1 MiB. */
  chunkBytes?: number;
  /** Path shown in issues and as the run source, when it differs from the real path. */
  displayPath?: (path: string) => string;
}

const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Streams one file through the decoder; stops reading as soon as the decoder stops. */
async function streamInto(path: string, decoder: TfRecordDecoder, chunkBytes: number): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream) {
      if (!decoder.push(chunk as Buffer)) break;
    }
    decoder.end();
  } finally {
    stream.destroy();
  }
}

/**
 * Reads the event files of ONE run directory from disk in filename order, streaming each file in
 * chunks (never the whole file in memory). Same result as `parseTfEvents` on the same bytes.
 * Unreadable files become `tfevents-unreadable` issues.
 */
export async function readTfEventsFiles(paths: readonly string[], options: ReadTfEventsOptions): Promise<IngestResult> {
  const acc = new TfEventsRunAccumulator({ ...options, scanKernel: resolveScanKernel(options.scanKernel) });
  const shown = options.displayPath ?? ((p: string) => p);
  const ordered = [...paths].sort((a, b) => (baseName(a) < baseName(b) ? -1 : baseName(a) > baseName(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const unreadable: IngestResult["issues"] = [];
  for (const path of ordered) {
    const size = await stat(path).then((s) => s.size, () => undefined); // a failure shows up as the read's own error below
    const decoder = acc.beginFile(shown(path), size);
    try {
      await streamInto(path, decoder, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
      acc.endFile();
    } catch (error) {
      acc.abortFile();
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.push({ code: "tfevents-unreadable", severity: "error", message: `'${shown(path)}' could not be read: ${reason}`, location: { file: shown(path) } });
    }
  }
  const result = acc.finish();
  return { runs: result.runs, issues: [...unreadable, ...result.issues] };
}

/** Streams one event file from disk (see `readTfEventsFiles`). */
export async function readTfEventsFile(path: string, options: ReadTfEventsOptions): Promise<IngestResult> {
  return readTfEventsFiles([path], options);
}
