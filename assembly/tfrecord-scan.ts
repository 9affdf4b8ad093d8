// AssemblyScript source of the TFRecord scan kernel (compiled to dist/wasm/tfrecord-scan.wasm by
// `npm run build:wasm`). See docs/adr/0006-wasm-scan-kernel.md and
// src/ingest/formats/tfevents/kernel-fast-path.ts, which drives it.
//
// It does, in WebAssembly, what EventDecoder.scanRecords does in TypeScript: framing, the length
// CRC, the data CRC and the plain scalar layout (wall_time, step, one summary with one value
// {tag, simple_value | rank-0 DT_FLOAT tensor}), for records of REGISTERED tags. It stops, without
// consuming it, at the first record it cannot take whole and says why. Within one call each tag's
// steps must increase (a step going back stops the scan: restarts are the general path's job).
// At the end of a call the points are grouped by tag (slot): each touched slot has one contiguous
// block of steps, wall times, values and record positions, which the TypeScript side checks against
// its own state (first point, last step, limit, plugin) and copies whole, or cuts at the first
// record it declines. The decisions stay in TypeScript, so the two paths cannot drift apart.

const POLYNOMIAL: u32 = 0x82f63b78;
const MASK_DELTA: u32 = 0xa282ead8;
const HEADER: i32 = 12;
const FOOTER: i32 = 4;
const MAX_TAG_BYTES: i32 = 127;
/** Tensor-scalar prefix bytes 42 0a 08 01 12 00 2a 04 (dtype DT_FLOAT, shape {}, float_val) read as a little-endian u64. */
const FLOAT_TENSOR_PREFIX: u64 = 0x042a001201080a42;
/** Output slot flag: the value came from a float tensor (TF2), not `simple_value`. */
const TENSOR_FLAG: i32 = 0x40000000;

// Why `scan` stopped (read with `reason()`).
const STOP_CUT: i32 = 1; // the next record is not whole inside the input
const STOP_OTHER: i32 = 2; // unusual header, bad CRC, or another layout: the general path takes it
const STOP_UNKNOWN_TAG: i32 = 3; // a plain scalar of a tag that is not registered yet
const STOP_FULL: i32 = 4; // the output columns are full

let tables: usize = 0;
let input: usize = 0;
let outSlot: usize = 0;
let outPos: usize = 0;
let outStep: usize = 0;
let outWall: usize = 0;
let outValue: usize = 0;
let outCapacity: i32 = 0;
let stopPos: i32 = 0;
let stopReason: i32 = 0;
let unknownTagPos: i32 = 0;
let unknownTagLen: i32 = 0;
// Grouped output (by slot) and per-slot state of the current call.
let groupPos: usize = 0;
let groupStep: usize = 0;
let groupWall: usize = 0;
let groupValue: usize = 0;
let groupTensor: usize = 0;
let touched: usize = 0;
let touchedCount: i32 = 0;
let slotEpoch: usize = 0;
let slotLast: usize = 0;
let slotCount: usize = 0;
let slotStart: usize = 0;
let slotFirstTensor: usize = 0;
let slotTensors: usize = 0;
let epoch: i32 = 0;
let tagTable: usize = 0;
let tagMask: i32 = 0;
let tagRecords: usize = 0;
let tagArena: usize = 0;
let arenaUsed: i32 = 0;
let maxTags: i32 = 0;

/** Allocates the input area, the output columns and the tag table; builds the CRC tables. */
export function init(inputBytes: i32, maxOutput: i32, tagCapacity: i32): void {
  tables = heap.alloc(8 * 256 * 4);
  buildTables();
  input = heap.alloc(inputBytes + 16);
  outSlot = heap.alloc(maxOutput << 2);
  outPos = heap.alloc(maxOutput << 2);
  outStep = heap.alloc(maxOutput << 3);
  outWall = heap.alloc(maxOutput << 3);
  outValue = heap.alloc(maxOutput << 3);
  outCapacity = maxOutput;
  maxTags = tagCapacity;
  tagMask = tagCapacity * 2 - 1;
  tagTable = heap.alloc(tagCapacity * 8);
  memory.fill(tagTable, 0, tagCapacity * 8);
  tagRecords = heap.alloc(tagCapacity * 8);
  memory.fill(tagRecords, 0, tagCapacity * 8);
  tagArena = heap.alloc(tagCapacity * (MAX_TAG_BYTES + 1));
  groupPos = heap.alloc(maxOutput << 2);
  groupStep = heap.alloc(maxOutput << 3);
  groupWall = heap.alloc(maxOutput << 3);
  groupValue = heap.alloc(maxOutput << 3);
  groupTensor = heap.alloc(maxOutput);
  touched = heap.alloc(tagCapacity << 2);
  slotEpoch = heap.alloc(tagCapacity << 2);
  memory.fill(slotEpoch, 0, tagCapacity << 2);
  slotLast = heap.alloc(tagCapacity << 3);
  slotCount = heap.alloc(tagCapacity << 2);
  slotStart = heap.alloc(tagCapacity << 2);
  slotFirstTensor = heap.alloc(tagCapacity << 2);
  slotTensors = heap.alloc(tagCapacity << 2);
}

export function inputPtr(): usize { return input; }
export function groupPositionsPtr(): usize { return groupPos; }
export function groupStepsPtr(): usize { return groupStep; }
export function groupWallTimesPtr(): usize { return groupWall; }
export function groupValuesPtr(): usize { return groupValue; }
export function groupTensorsPtr(): usize { return groupTensor; }
export function touchedPtr(): usize { return touched; }
export function touchedSlots(): i32 { return touchedCount; }
export function slotCountsPtr(): usize { return slotCount; }
export function slotStartsPtr(): usize { return slotStart; }
export function slotFirstTensorsPtr(): usize { return slotFirstTensor; }
export function slotTensorCountsPtr(): usize { return slotTensors; }
/** Input position of the first record `scan` did not consume. */
export function stopPosition(): i32 { return stopPos; }
export function reason(): i32 { return stopReason; }
/** After STOP_UNKNOWN_TAG: input position and length of that tag's bytes. */
export function unknownTagPosition(): i32 { return unknownTagPos; }
export function unknownTagLength(): i32 { return unknownTagLen; }

function buildTables(): void {
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
    store<u32>(tables + (n << 2), c);
  }
  for (let n: u32 = 0; n < 256; n++) {
    let c = load<u32>(tables + (n << 2));
    for (let s: u32 = 1; s < 8; s++) {
      c = load<u32>(tables + ((c & 0xff) << 2)) ^ (c >>> 8);
      store<u32>(tables + ((s * 256 + n) << 2), c);
    }
  }
}

@inline function table(i: u32): u32 {
  return load<u32>(tables + (i << 2));
}

/** One slicing-by-8 step: the state after 8 bytes, given (state ^ bytes 0-3) and bytes 4-7. */
@inline function slice8(a: u32, b: u32): u32 {
  return table(1792 + (a & 0xff)) ^ table(1536 + ((a >>> 8) & 0xff)) ^ table(1280 + ((a >>> 16) & 0xff)) ^ table(1024 + (a >>> 24)) ^
    table(768 + (b & 0xff)) ^ table(512 + ((b >>> 8) & 0xff)) ^ table(256 + ((b >>> 16) & 0xff)) ^ table(b >>> 24);
}

/** CRC-32C of `length` bytes at `ptr`, continuing from `crc` (unmasked; 0 to start). */
export function crc32c(ptr: usize, length: i32, crc: u32): u32 {
  let c = ~crc;
  let p = ptr;
  const end = ptr + <usize>length;
  for (; p + 8 <= end; p += 8) c = slice8(c ^ load<u32>(p), load<u32>(p, 4));
  // Short payloads spend much of their time in the tail: one 4-byte step, then at most 3 bytes.
  if (p + 4 <= end) {
    const a = c ^ load<u32>(p);
    c = table(768 + (a & 0xff)) ^ table(512 + ((a >>> 8) & 0xff)) ^ table(256 + ((a >>> 16) & 0xff)) ^ table(a >>> 24);
    p += 4;
  }
  for (; p < end; p++) c = table((c ^ load<u8>(p)) & 0xff) ^ (c >>> 8);
  return ~c;
}

@inline function masked(crc: u32): u32 {
  return rotr<u32>(crc, 15) + MASK_DELTA;
}

@inline function hashBytes(p: usize, n: i32): u32 {
  let h: u32 = 0x811c9dc5 ^ <u32>n;
  let i = 0;
  for (; i + 4 <= n; i += 4) h = (h ^ load<u32>(p + i)) * 0x9e3779b1;
  for (; i < n; i++) h = (h ^ load<u8>(p + i)) * 0x9e3779b1;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  return h ^ (h >>> 13);
}

@inline function sameBytes(a: usize, b: usize, n: i32): bool {
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + i) != load<u64>(b + i)) return false;
  for (; i < n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  return true;
}

/** The slot registered for the tag bytes at `p` (length `n`), or -1. */
function findTag(p: usize, n: i32): i32 {
  for (let s = <i32>hashBytes(p, n) & tagMask; ; s = (s + 1) & tagMask) {
    const entry = load<i32>(tagTable + (s << 2));
    if (entry == 0) return -1;
    const record = tagRecords + ((entry - 1) << 3);
    if (load<i32>(record, 4) == n + 1 && sameBytes(tagArena + <usize>load<i32>(record), p, n)) return entry - 1;
  }
  return -1;
}

/**
 * Registers the `n` tag bytes at input position `pos` under `slot` (< the tag capacity). False when
 * the slot or the bytes are out of range, or the bytes are already registered.
 */
export function registerTag(pos: i32, n: i32, slot: i32): bool {
  const bytes = input + <usize>pos;
  if (slot < 0 || slot >= maxTags || n < 0 || n > MAX_TAG_BYTES || pos < 0) return false;
  const record = tagRecords + (<usize>slot << 3);
  if (load<i32>(record, 4) != 0 || findTag(bytes, n) >= 0) return false;
  memory.copy(tagArena + arenaUsed, bytes, n);
  store<i32>(record, arenaUsed);
  store<i32>(record, n + 1, 4); // length + 1: 0 marks a free slot (an empty tag has length 0)
  arenaUsed += n;
  let s = <i32>hashBytes(bytes, n) & tagMask;
  while (load<i32>(tagTable + (s << 2)) != 0) s = (s + 1) & tagMask;
  store<i32>(tagTable + (s << 2), slot + 1);
  return true;
}

/**
 * Scans the records of input[pos, size) and returns how many it wrote to the output columns; then
 * `stopPosition()` is where it stopped and `reason()` why. `verify` checks each data CRC.
 */
export function scan(size: i32, pos: i32, verify: bool, maxRecordBytes: u32): i32 {
  let count = 0;
  const base = input;
  epoch++;
  touchedCount = 0;
  for (;;) {
    if (count == outCapacity) { stopReason = STOP_FULL; break; }
    if (pos + HEADER > size) { stopReason = STOP_CUT; break; }
    const header = base + <usize>pos;
    const length = load<u32>(header);
    if (load<u32>(header, 4) != 0 || length > maxRecordBytes || masked(~slice8(~length, 0)) != load<u32>(header, 8)) { stopReason = STOP_OTHER; break; }
    const start = pos + HEADER;
    const end = start + <i32>length;
    if (end + FOOTER > size) { stopReason = STOP_CUT; break; }
    const e = base + <usize>end;
    let p = base + <usize>start;
    if (load<u8>(p) != 0x09 || load<u8>(p, 9) != 0x10) { stopReason = STOP_OTHER; break; }
    const wall = load<f64>(p, 1);
    p += 10;
    let step: u64 = 0;
    let shift: u64 = 0;
    let b: u32 = 0x80;
    for (let i = 0; i < 7 && b >= 0x80; i++, shift += 7) {
      b = load<u8>(p++);
      step |= (<u64>(b & 0x7f)) << shift;
    }
    if (b >= 0x80 || load<u8>(p) != 0x2a || <usize>load<u8>(p, 1) + p + 2 != e || load<u8>(p, 2) != 0x0a || <usize>load<u8>(p, 3) + p + 4 != e) { stopReason = STOP_OTHER; break; }
    p += 4;
    const tagLength = <i32>load<u8>(p, 1);
    if (load<u8>(p) != 0x0a || tagLength > MAX_TAG_BYTES) { stopReason = STOP_OTHER; break; }
    const tagStart = p + 2;
    p = tagStart + <usize>tagLength;
    const simple = p + 5 == e && load<u8>(p) == 0x15;
    if (!simple && !(p + 12 == e && load<u64>(p) == FLOAT_TENSOR_PREFIX)) { stopReason = STOP_OTHER; break; }
    if (verify && masked(crc32c(base + <usize>start, <i32>length, 0)) != load<u32>(e)) { stopReason = STOP_OTHER; break; }
    const slot = findTag(tagStart, tagLength);
    if (slot < 0) {
      unknownTagPos = <i32>(tagStart - base);
      unknownTagLen = tagLength;
      stopReason = STOP_UNKNOWN_TAG;
      break;
    }
    const at4 = <usize>slot << 2;
    if (load<i32>(slotEpoch + at4) != epoch) {
      store<i32>(slotEpoch + at4, epoch);
      store<i32>(slotCount + at4, 0);
      store<i32>(slotFirstTensor + at4, -1);
      store<i32>(slotTensors + at4, 0);
      store<i32>(touched + (<usize>touchedCount << 2), slot);
      touchedCount++;
    } else if (!(<f64>step > load<f64>(slotLast + (<usize>slot << 3)))) { stopReason = STOP_OTHER; break; }
    store<f64>(slotLast + (<usize>slot << 3), <f64>step);
    store<i32>(slotCount + at4, load<i32>(slotCount + at4) + 1);
    if (!simple) {
      if (load<i32>(slotFirstTensor + at4) < 0) store<i32>(slotFirstTensor + at4, pos);
      store<i32>(slotTensors + at4, load<i32>(slotTensors + at4) + 1);
    }
    store<i32>(outSlot + (<usize>count << 2), simple ? slot : slot | TENSOR_FLAG);
    store<i32>(outPos + (<usize>count << 2), pos);
    store<f64>(outStep + (<usize>count << 3), <f64>step);
    store<f64>(outWall + (<usize>count << 3), wall);
    store<f64>(outValue + (<usize>count << 3), <f64>load<f32>(simple ? p + 1 : p + 8));
    count++;
    pos = end + FOOTER;
  }
  stopPos = pos;
  group(count);
  return count;
}

/** Counting sort of this call's records by slot into the group columns (stable: file order within a slot). */
function group(count: i32): void {
  let next = 0;
  for (let t = 0; t < touchedCount; t++) {
    const at4 = <usize>load<i32>(touched + (<usize>t << 2)) << 2;
    store<i32>(slotStart + at4, next);
    next += load<i32>(slotCount + at4);
  }
  for (let i = 0; i < count; i++) {
    const tagged = load<i32>(outSlot + (<usize>i << 2));
    const at4 = <usize>(tagged & ~TENSOR_FLAG) << 2;
    const j = <usize>load<i32>(slotStart + at4);
    store<i32>(slotStart + at4, <i32>j + 1);
    store<i32>(groupPos + (j << 2), load<i32>(outPos + (<usize>i << 2)));
    store<f64>(groupStep + (j << 3), load<f64>(outStep + (<usize>i << 3)));
    store<f64>(groupWall + (j << 3), load<f64>(outWall + (<usize>i << 3)));
    store<f64>(groupValue + (j << 3), load<f64>(outValue + (<usize>i << 3)));
    store<u8>(groupTensor + j, (tagged & TENSOR_FLAG) != 0 ? 1 : 0);
  }
  // slotStart now points one past each block: move it back to the block's first record.
  for (let t = 0; t < touchedCount; t++) {
    const at4 = <usize>load<i32>(touched + (<usize>t << 2)) << 2;
    store<i32>(slotStart + at4, load<i32>(slotStart + at4) - load<i32>(slotCount + at4));
  }
}
