export { parseTfEvents } from "./parse-tfevents.js";
export { EventFileWriter, encodeRecord, type ScalarEncoding, type EventFileWriterOptions, type WriteOptions } from "./event-writer.js";
export { crc32c, maskCrc, unmaskCrc, maskedCrc32c } from "./crc32c.js";
export { TfRecordDecoder, type TfRecordDecoderOptions, type RecordHandler } from "./record-decoder.js";
export { TfEventsRunAccumulator, type TfEventsStats } from "./run-accumulator.js";
export { isTfEventsPath } from "./run-layout.js";
export type { TfEventsOptions } from "./options.js";
export { KernelFastPath } from "./kernel-fast-path.js";
export { DEFAULT_KERNEL_SIZES, type ScanKernelExports, type ScanKernelFactory, type KernelSizes } from "./scan-kernel.js";
