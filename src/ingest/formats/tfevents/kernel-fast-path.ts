import type { EventDecoder, ScalarCounts } from "./event-decoder.js";
import type { RecordFastPath, TfRecordDecoder } from "./record-decoder.js";
import { DEFAULT_KERNEL_SIZES, viewsOf, type KernelSizes, type KernelViews, type ScanKernelExports, type ScanKernelFactory } from "./scan-kernel.js";
import type { TagCache } from "./tag-cache.js";
import { KernelCallPolicy } from "./kernel-call-policy.js";

// `reason()` codes, as in assembly/tfrecord-scan.ts.
const STOP_CUT = 1;
const STOP_UNKNOWN_TAG = 3;
const STOP_FULL = 4;
const HEADER = 12;
const NO_CUT = Number.POSITIVE_INFINITY;
/** A point store that must grow is sized for the whole file: points so far x (file bytes / bytes read) x this margin. */
const RESERVE_MARGIN = 1.05;
/** ...and grows at least this much, so a low projection cannot make it grow (and copy) in small steps. */
const MIN_GROWTH = 1.5;

/** Index of the first of `positions[from, to)` (increasing) that is >= `cut`. */
function firstAtOrAfter(positions: Int32Array, from: number, to: number, cut: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < cut) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Capacity for a store that needs `need` points after `read` bytes of a file of `expected` bytes:
 * projected for the whole file when its size is known (one allocation and copy instead of a
 * doubling series), never past the point limit, never less than `MIN_GROWTH` x the current capacity.
 */
function projected(need: number, capacity: number, limit: number, read: number, expected: number | undefined): number {
  const projection = expected !== undefined && read > 0 && read < expected ? Math.ceil(need * (expected / read) * RESERVE_MARGIN) : 0;
  return Math.max(need, Math.min(limit, Math.max(projection, Math.ceil(capacity * MIN_GROWTH))));
}

/**
 * The fused loop of `EventDecoder.scanRecords`, with framing, CRCs and layout checks done by the
 * WebAssembly kernel, which hands back each tag's points of a chunk as one block. Every decision
 * about a point (first point, restart, limit, plugin, wall-time column) is made here with the same
 * tests as `EventDecoder.scanRecords`, per block; the first record declined cuts every block at its
 * position, and that record goes to the general path. Falls back to the TypeScript loop for small
 * remainders or when no kernel can be made.
 */
export class KernelFastPath implements RecordFastPath {
  private kernel: ScanKernelExports | undefined;
  private views: KernelViews | undefined;
  private unavailable = false;
  /** The chunk (and its `TfRecordDecoder.pushes` number) whose bytes the kernel's input holds. */
  private windowOf: Uint8Array | undefined;
  private windowPush = -1;
  private windowStart = 0;
  private windowEnd = 0;
  /** Chunk position of the first record not yet stored (where the TypeScript loop resumes after a kernel fault). */
  private resumeAt = 0;
  private readonly policy: KernelCallPolicy;
  /** Records the last `drain` stored. */
  private taken = 0;

  constructor(
    private readonly factory: ScanKernelFactory,
    private readonly fallback: EventDecoder,
    private readonly tags: TagCache,
    private readonly counts: ScalarCounts,
    private readonly sizes: KernelSizes = DEFAULT_KERNEL_SIZES,
  ) {
    this.policy = new KernelCallPolicy(sizes.maxOutput);
  }

  scanRecords(chunk: Uint8Array, view: DataView, pos: number, frame: TfRecordDecoder): number {
    if (this.policy.skipCall() || chunk.length - pos < this.sizes.minBytes || !this.ready()) return this.fallback.scanRecords(chunk, view, pos, frame);
    try {
      return this.scanWithKernel(chunk, view, pos, frame);
    } catch {
      // A kernel fault (a trap would be a kernel bug; user bytes must never crash a read): the
      // records it did not hand back are still unread, so the TypeScript loop carries on from there.
      this.retire();
      return this.fallback.scanRecords(chunk, view, this.resumeAt, frame);
    }
  }

  private scanWithKernel(chunk: Uint8Array, view: DataView, pos: number, frame: TfRecordDecoder): number {
    const k = this.kernel!;
    this.resumeAt = pos;
    let unknownAt = -1;
    for (;;) {
      if (chunk !== this.windowOf || frame.pushes !== this.windowPush || pos < this.windowStart || pos + HEADER > this.windowEnd) this.copyWindow(chunk, pos, frame.pushes);
      const base = this.windowStart;
      k.scan(this.windowEnd - base, pos - base, frame.verifyDataCrc, frame.maxRecordBytes, this.policy.budget);
      const cut = this.drain(frame);
      this.policy.afterCall(this.taken, cut !== NO_CUT);
      if (cut !== NO_CUT) return base + cut;
      pos = this.resumeAt = base + k.stopPosition();
      const why = k.reason();
      if (why === STOP_FULL) continue;
      if (why === STOP_UNKNOWN_TAG && pos !== unknownAt) {
        if (this.register(chunk, view, base)) {
          unknownAt = pos;
          continue;
        }
        if (this.policy.unregisteredTag()) this.retire();
      }
      if (why === STOP_CUT && this.windowEnd < chunk.length && pos > base) {
        this.windowOf = undefined;
        continue;
      }
      return pos;
    }
  }

  /** Hands the rest of the run to the TypeScript loop. */
  private retire(): void {
    this.kernel = undefined;
    this.unavailable = true;
  }

  private ready(): boolean {
    if (this.kernel !== undefined) return true;
    if (this.unavailable) return false;
    try {
      const k = this.factory();
      const { windowBytes, maxOutput, tagCapacity } = this.sizes;
      k.init(windowBytes, maxOutput, tagCapacity);
      this.views = viewsOf(k, this.sizes);
      this.kernel = k;
      return true;
    } catch {
      this.unavailable = true;
      return false;
    }
  }

  private copyWindow(chunk: Uint8Array, pos: number, push: number): void {
    const end = Math.min(chunk.length, pos + this.sizes.windowBytes);
    this.views!.input.set(chunk.subarray(pos, end));
    this.windowOf = chunk;
    this.windowPush = push;
    this.windowStart = pos;
    this.windowEnd = end;
  }

  /**
   * Stores the last call's blocks: finds the first record any block declines (its window position,
   * or NO_CUT), then appends every block up to that position. Returns the cut.
   */
  private drain(frame: TfRecordDecoder): number {
    const v = this.views!;
    const touched = this.kernel!.touchedSlots();
    let cut = NO_CUT;
    for (let t = 0; t < touched; t++) cut = Math.min(cut, this.declined(v, v.touched[t]!));
    let taken = 0;
    let tensors = 0;
    // Bytes of the file behind the points of this call: where the kernel stopped, not the window's end.
    const read = frame.offset + this.windowStart + this.kernel!.stopPosition();
    for (let t = 0; t < touched; t++) {
      const slot = v.touched[t]!;
      const start = v.slotStarts[slot]!;
      const size = v.slotCounts[slot]!;
      const take = cut === NO_CUT ? size : firstAtOrAfter(v.positions, start, start + size, cut) - start;
      if (take === 0) continue;
      const tag = this.tags.at(slot);
      const points = tag.points!;
      if (points.length + take > points.capacity) points.reserve(projected(points.length + take, points.capacity, tag.pointLimit, read, frame.expectedBytes));
      points.appendBlock(v.steps, v.values, v.wallTimes, start, take);
      tag.lastStep = v.steps[start + take - 1]!;
      taken += take;
      tensors += take === size ? v.slotTensorCounts[slot]! : countOnes(v.tensors, start, take);
    }
    frame.records += taken;
    this.taken = taken;
    const counts = this.counts;
    counts.scalars += taken;
    counts.tensorScalars += tensors;
    counts.simpleValues += taken - tensors;
    return cut;
  }

  /** Window position of the first record of `slot`'s block that `EventDecoder.scanRecords` would not store itself, or NO_CUT. */
  private declined(v: KernelViews, slot: number): number {
    const tag = this.tags.at(slot);
    const points = tag.points;
    const start = v.slotStarts[slot]!;
    if (points === undefined || !points.hasWallTimes || !(v.steps[start]! > tag.lastStep)) return v.positions[start]!;
    let cut = NO_CUT;
    const room = tag.pointLimit - points.length;
    if (v.slotCounts[slot]! > room) cut = v.positions[start + Math.max(0, room)]!;
    const firstTensor = v.slotFirstTensors[slot]!;
    if (firstTensor >= 0 && tag.plugin !== "scalars") cut = Math.min(cut, firstTensor);
    return cut;
  }

  /** Looks the unknown tag up (as the general path would) and registers it with the kernel. */
  private register(chunk: Uint8Array, view: DataView, base: number): boolean {
    const k = this.kernel!;
    const at = k.unknownTagPosition();
    const length = k.unknownTagLength();
    const tag = this.tags.lookup(chunk, view, base + at, base + at + length);
    return k.registerTag(at, length, tag.slot) !== 0;
  }
}

function countOnes(bytes: Uint8Array, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n += bytes[i]!;
  return n;
}
