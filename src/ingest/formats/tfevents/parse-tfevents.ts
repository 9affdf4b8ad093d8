import type { IngestResult, InputFile } from "../../types.js";
import type { TfEventsOptions } from "./options.js";
import { baseName } from "./run-layout.js";
import { TfEventsRunAccumulator } from "./run-accumulator.js";

/** Filename order (timestamps are in the names), then the full path for files in different splits. */
function byFilename(a: InputFile, b: InputFile): number {
  const na = baseName(a.path);
  const nb = baseName(b.path);
  return na < nb ? -1 : na > nb ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Reads the TensorBoard event files of ONE run directory (any order; sorted by filename here) into
 * one `TrainingRun`. Pure and total: problems become located issues, nothing throws.
 *
 *   1. TFRecord framing: length CRC always, data CRC when `verifyDataCrc` (fast mode otherwise);
 *   2. Event protos: TF1 `simple_value`, TF2 tensor scalars (float/double/half), hparams plugin;
 *   3. series per tag with TensorBoard restart semantics (a step going back purges later points);
 *   4. files under `train/`/`validation/`/`eval/` get their tags prefixed (`validation/epoch_loss`).
 *
 * @example parseTfEvents([{ path: "logs/train/events.out.tfevents.1.host.v2", data }], { limits, verifyDataCrc: true })
 */
export function parseTfEvents(files: InputFile[], options: TfEventsOptions): IngestResult {
  const acc = new TfEventsRunAccumulator(options);
  for (const file of [...files].sort(byFilename)) {
    const decoder = acc.beginFile(file.path, file.data.length);
    decoder.push(file.data);
    decoder.end();
    acc.endFile();
  }
  return acc.finish();
}
