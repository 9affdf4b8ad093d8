import type { SkippedKind } from "./event-decoder.js";

/**
 * User-facing texts of the tfevents reader's issues (codes are documented in docs/ingest-tfevents.md).
 * The file and byte offset travel in the issue's `location`, so the texts do not repeat the path.
 */
export const tfeventsMessages = {
  emptyFile: (): string =>
    "The event file is empty (0 bytes): the writer was created but nothing was flushed. Check that training reached its first logging step, or use the event file written after training.",
  versionOnly: (): string =>
    "The event file holds only its header record ('brain.Event:2') and no events: the run stopped (or was killed) before logging anything here. In a validation directory this means validation never ran.",
  lfsPointer: (): string =>
    "This is a Git LFS pointer, not an event file. Fetch the real file with 'git lfs pull' (or set 'lfs: true' on actions/checkout) and run again.",
  badLengthCrc: (offset: number): string =>
    `The event file is corrupt at byte ${offset}: the record length checksum does not match, so the rest of the file cannot be read. Points before that byte were kept.`,
  notTfRecord: (): string =>
    "The file does not start with a TFRecord header: it is not a TensorBoard event file (or it is corrupt from its first byte).",
  badDataCrc: (offset: number): string =>
    `The record at byte ${offset} fails its data checksum and was skipped: the file is partly corrupt.`,
  badRecord: (offset: number): string =>
    `The record at byte ${offset} is not a valid TensorBoard Event and was skipped.`,
  truncated: (offset: number, missing: number): string =>
    `The file ends inside a record at byte ${offset} (${missing} bytes missing). This is normal for a run that was still writing; every complete record was read.`,
  recordTooLarge: (offset: number, length: number, limit: number): string =>
    `The record at byte ${offset} claims ${length} bytes, more than the ${limit}-byte record limit; the rest of the file was not read.`,
  fileTooLarge: (limit: number): string =>
    `The event file is larger than the ${limit}-byte limit; only its first ${limit} bytes were read. Raise the file-size limit to read all of it.`,
  totalTooLarge: (limit: number): string =>
    `The input exceeds the ${limit}-byte total limit here; the remaining event data was not read. Raise the total-size limit to read it.`,
  tooManyIssues: (dropped: number): string => `${dropped} more problems in this file were not listed.`,
  restartPurged: (points: number): string =>
    `Steps went back (the job restarted from a checkpoint), so ${points} later points of the affected tags were dropped, as TensorBoard does.`,
  repeatedSteps: (repeats: number): string =>
    `${repeats} values were logged again at a step their tag already had; the last value per step was kept, as TensorBoard does.`,
  constantStep: (tags: string, count: number, values: number, step: number): string =>
    `${count === 1 ? `Tag ${tags} was logged ${values} times, always at step ${step}` : `Tags ${tags} were each logged at least ${values} times, all at one step (${step} for the first)`}: the writer was given no step. ` +
    `Only the last value per step is kept (as TensorBoard does), so the curve is lost. ` +
    `Pass the step when logging: PyTorch \`writer.add_scalar(tag, value, global_step=step)\`, TensorFlow \`tf.summary.scalar(name, value, step=step)\`.`,
  unsupportedScalar: (tag: string, detail: string): string =>
    `Tag '${tag}' is marked as a scalar but its tensor is ${detail}; its values were skipped.`,
  hparamsOnly: (count: number): string =>
    `The run holds hparams (${count} values) but no training scalars: it likely crashed or was aborted before logging metrics. Use the event files written during training.`,
  noScalars: (skipped: string): string =>
    `The run has events but no scalar values (${skipped}). Loss Doctor reads scalars (loss, metrics, learning rate); log them with add_scalar / tf.summary.scalar.`,
  skippedSummary: (counts: Partial<Record<SkippedKind, number>>): string =>
    Object.entries(counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(", ") || "nothing else",
};
