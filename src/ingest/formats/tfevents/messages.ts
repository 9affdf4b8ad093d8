import type { SkippedKind } from "./event-decoder.js";

/** User-facing texts of the tfevents reader's issues (codes are documented in docs/ingest-tfevents.md). */
export const tfeventsMessages = {
  emptyFile: (file: string): string =>
    `'${file}' is empty (0 bytes): the writer was created but nothing was flushed. Check that training reached the first logging step, or upload the event file written after training.`,
  versionOnly: (file: string): string =>
    `'${file}' holds only the event-file header ('brain.Event:2') and no events: the run stopped (or was killed) before logging anything here. If this is a validation directory, validation never ran.`,
  lfsPointer: (file: string): string =>
    `'${file}' is a Git LFS pointer, not an event file. Fetch the real file with 'git lfs pull' (or enable LFS in actions/checkout with 'lfs: true') and run again.`,
  badLengthCrc: (file: string, offset: number): string =>
    `'${file}' is corrupt at byte ${offset}: the record length checksum does not match, so the rest of the file cannot be read. Points before that byte were kept.`,
  notTfRecord: (file: string): string =>
    `'${file}' does not start with a TFRecord header: it is not a TensorBoard event file (or it is corrupt from the first byte).`,
  badDataCrc: (file: string, offset: number): string =>
    `'${file}': the record at byte ${offset} fails its data checksum and was skipped; the file is partly corrupt.`,
  badRecord: (file: string, offset: number): string =>
    `'${file}': the record at byte ${offset} is not a valid TensorBoard Event and was skipped.`,
  truncated: (file: string, offset: number, missing: number): string =>
    `'${file}' ends inside a record at byte ${offset} (${missing} bytes missing). This is normal for a run that was still writing; every complete record was read.`,
  recordTooLarge: (file: string, offset: number, length: number, limit: number): string =>
    `'${file}': the record at byte ${offset} claims ${length} bytes, more than the ${limit}-byte limit; the rest of the file was not read.`,
  fileTooLarge: (file: string, limit: number): string =>
    `'${file}' is larger than the ${limit}-byte limit; only the first ${limit} bytes were read. Raise the file-size limit to read all of it.`,
  totalTooLarge: (file: string, limit: number): string =>
    `The input exceeds the ${limit}-byte total limit at '${file}'; the remaining event data was not read. Raise the total-size limit to read it.`,
  tooManyIssues: (file: string, dropped: number): string =>
    `'${file}': ${dropped} more problems of the same kinds were not listed.`,
  restartPurged: (file: string, points: number): string =>
    `'${file}': steps went back (the job restarted from a checkpoint), so ${points} later points of the affected tags were dropped, as TensorBoard does.`,
  repeatedSteps: (file: string, repeats: number): string =>
    `'${file}': ${repeats} values were logged again at a step their tag already had; the last value per step was kept, as TensorBoard does.`,
  unsupportedScalar: (tag: string, detail: string): string =>
    `Tag '${tag}' is marked as a scalar but its tensor is ${detail}; its values were skipped.`,
  hparamsOnly: (run: string, count: number): string =>
    `Run '${run}' holds hparams (${count} values) but no training scalars: the run likely crashed or was aborted before logging metrics. Use the event files written during training.`,
  noScalars: (run: string, skipped: string): string =>
    `Run '${run}' has events but no scalar values (${skipped}). Loss Doctor reads scalars (loss, metrics, learning rate); log them with add_scalar / tf.summary.scalar.`,
  skippedSummary: (counts: Partial<Record<SkippedKind, number>>): string =>
    Object.entries(counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ") || "nothing else",
};
