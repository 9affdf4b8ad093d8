/** The WebAssembly scan kernel's interface as TypeScript sees it (ADR 0006): exports, sizes, memory views. */

/** The exports of the WebAssembly scan kernel (`assembly/tfrecord-scan.ts`). */
export interface ScanKernelExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  init(inputBytes: number, maxOutput: number, tagCapacity: number): void;
  inputPtr(): number;
  groupPositionsPtr(): number;
  groupStepsPtr(): number;
  groupWallTimesPtr(): number;
  groupValuesPtr(): number;
  groupTensorsPtr(): number;
  touchedPtr(): number;
  touchedSlots(): number;
  slotCountsPtr(): number;
  slotStartsPtr(): number;
  slotFirstTensorsPtr(): number;
  slotTensorCountsPtr(): number;
  stopPosition(): number;
  reason(): number;
  unknownTagPosition(): number;
  unknownTagLength(): number;
  registerTag(pos: number, length: number, slot: number): number;
  /** Scans at most `limit` records into the output columns; returns how many it wrote. */
  scan(size: number, pos: number, verify: boolean, maxRecordBytes: number, limit: number): number;
  /** The exports' contract version; `KERNEL_ABI_VERSION` is the one this code speaks. */
  abiVersion(): number;
  crc32c(ptr: number, length: number, crc: number): number;
}

/** The `abiVersion()` of kernels this code can drive (bumped with any change to the exports' meaning). */
export const KERNEL_ABI_VERSION = 2;

/** Makes a fresh kernel instance (its own memory); throws when WebAssembly is unavailable. */
export type ScanKernelFactory = () => ScanKernelExports;

/** Sizes of one kernel instance; `DEFAULT_KERNEL_SIZES` documents the defaults. */
export interface KernelSizes {
  /** Bytes of a chunk copied into the kernel at a time (a bigger record takes the TypeScript path). */
  windowBytes: number;
  /** Records the kernel reports per call. */
  maxOutput: number;
  /** Distinct tags the kernel recognises; records of later tags take the TypeScript path. */
  tagCapacity: number;
  /** Chunk remainders shorter than this stay on the TypeScript path (no instance for small files). */
  minBytes: number;
}

export const DEFAULT_KERNEL_SIZES: Readonly<KernelSizes> = { windowBytes: 1024 * 1024, maxOutput: 16384, tagCapacity: 4096, minBytes: 64 * 1024 };

/** Typed views of the kernel's memory (made once: the kernel never grows its memory after `init`). */
export interface KernelViews {
  input: Uint8Array;
  touched: Int32Array;
  slotCounts: Int32Array;
  slotStarts: Int32Array;
  slotFirstTensors: Int32Array;
  slotTensorCounts: Int32Array;
  positions: Int32Array;
  steps: Float64Array;
  wallTimes: Float64Array;
  values: Float64Array;
  tensors: Uint8Array;
}

export function viewsOf(k: ScanKernelExports, { windowBytes, maxOutput, tagCapacity }: KernelSizes): KernelViews {
  const b = k.memory.buffer;
  const slots = (ptr: number): Int32Array => new Int32Array(b, ptr, tagCapacity);
  return {
    input: new Uint8Array(b, k.inputPtr(), windowBytes),
    touched: slots(k.touchedPtr()),
    slotCounts: slots(k.slotCountsPtr()),
    slotStarts: slots(k.slotStartsPtr()),
    slotFirstTensors: slots(k.slotFirstTensorsPtr()),
    slotTensorCounts: slots(k.slotTensorCountsPtr()),
    positions: new Int32Array(b, k.groupPositionsPtr(), maxOutput),
    steps: new Float64Array(b, k.groupStepsPtr(), maxOutput),
    wallTimes: new Float64Array(b, k.groupWallTimesPtr(), maxOutput),
    values: new Float64Array(b, k.groupValuesPtr(), maxOutput),
    tensors: new Uint8Array(b, k.groupTensorsPtr(), maxOutput),
  };
}

