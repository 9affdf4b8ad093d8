// AssemblyScript source of the TFRecord scan kernel (compiled to dist/wasm/tfrecord-scan.wasm by
// `npm run build:wasm`). See docs/adr/0006-wasm-scan-kernel.md and
// src/ingest/formats/tfevents/kernel-fast-path.ts, which drives it.
//
// It does, in WebAssembly, what EventDecoder.scanRecords does in TypeScript: framing, the length
// CRC, the data CRC and the plain scalar layout (wall_time, step, one summary with one value
// {tag, simple_value | rank-0 DT_FLOAT tensor}), for records of REGISTERED tags. It stops, without
// consuming it, at the first record it cannot take whole and says why. Within one call each tag's
// steps must increase (a step going back stops the scan: restarts are the general path's job).
// Points are written grouped by tag (slot): each slot touched in a call gets a stripe of the group
// columns, so it has one contiguous block of steps, wall times, values and record positions. The
// TypeScript side checks each block against its own state (first point, last step, limit, plugin)
// and copies it whole, or cuts at the first record it declines. The decisions stay in TypeScript, so
// the two paths cannot drift apart.

const POLYNOMIAL: u32 = 0x82f63b78;
const MASK_DELTA: u32 = 0xa282ead8;
const HEADER: i32 = 12;
const FOOTER: i32 = 4;
const MAX_TAG_BYTES: i32 = 127;
/**
 * Bytes allocated past the input: the layout checks of a short record near the end of the input may
 * read up to 17 bytes past it before they fail (wall time, varint, summary header); those reads stay
 * inside the input's own allocation.
 */
const INPUT_SLACK: i32 = 32;
/** Tensor-scalar prefix bytes 42 0a 08 01 12 00 2a 04 (dtype DT_FLOAT, shape {}, float_val) read as a little-endian u64. */
const FLOAT_TENSOR_PREFIX: u64 = 0x042a001201080a42;

// Why `scan` stopped (read with `reason()`).
const STOP_CUT: i32 = 1; // the next record is not whole inside the input
const STOP_OTHER: i32 = 2; // unusual header, bad CRC, or another layout: the general path takes it
const STOP_UNKNOWN_TAG: i32 = 3; // a plain scalar of a tag that is not registered yet
const STOP_FULL: i32 = 4; // a slot's stripe is full, or there is no stripe left for another slot

/** The 8 slicing tables, in a static segment: a constant address folds into every lookup's offset. */
const tables: usize = memory.data(8 * 256 * 4, 16);
let input: usize = 0;
let outCapacity: i32 = 0;
/** Records per slot per call (the slot's stripe of the group columns), set at the start of each call. */
let stripe: i32 = 0;
/** Distinct slots the previous call touched (or twice that when it ran out of stripes): sizes the stripes. */
let expectedSlots: i32 = 1;
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
/** Per slot: the slot of the record that followed it last time (-1 = none), to skip the hash lookup. */
let nextSlot: usize = 0;
let previousSlot: i32 = -1;
let tagTable: usize = 0;
let tagMask: i32 = 0;
let tagRecords: usize = 0;
let tagArena: usize = 0;
let arenaUsed: i32 = 0;
let maxTags: i32 = 0;

/** Allocates the input area, the output columns and the tag table; builds the CRC tables. */
export function init(inputBytes: i32, maxOutput: i32, tagCapacity: i32): void {
  buildTables();
  input = heap.alloc(inputBytes + INPUT_SLACK);
  outCapacity = maxOutput;
  maxTags = tagCapacity;
  tagMask = tagCapacity * 2 - 1;
  tagTable = heap.alloc(tagCapacity * 8);
  memory.fill(tagTable, 0, tagCapacity * 8);
  nextSlot = heap.alloc(tagCapacity << 2);
  memory.fill(nextSlot, 0xff, tagCapacity << 2);
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
/** Version of the exports' contract; the loader refuses a kernel built from other sources. */
export function abiVersion(): i32 { return 2; }
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
  return load<u32>(tables + (<usize>i << 2));
}

/** One slicing-by-8 step: the state after 8 bytes, given (state ^ bytes 0-3) and bytes 4-7. */
@inline function slice8(a: u32, b: u32): u32 {
  return table(1792 + (a & 0xff)) ^ table(1536 + ((a >>> 8) & 0xff)) ^ table(1280 + ((a >>> 16) & 0xff)) ^ table(1024 + (a >>> 24)) ^
    table(768 + (b & 0xff)) ^ table(512 + ((b >>> 8) & 0xff)) ^ table(256 + ((b >>> 16) & 0xff)) ^ table(b >>> 24);
}

/** CRC-32C of `length` bytes at `ptr`, continuing from `crc` (unmasked; 0 to start). */
export function crc32c(ptr: usize, length: i32, crc: u32): u32 {
  return crcOf(ptr, length, crc);
}

/**
 * The CRC loop, inlined into `scan`. Short payloads spend much of their time in the tail: after the
 * 8-byte steps, one 4-byte step, then the last 1-3 bytes in one slicing step of their own.
 */
@inline function crcOf(ptr: usize, length: i32, crc: u32): u32 {
  let c = ~crc;
  let p = ptr;
  const end = ptr + <usize>length;
  for (; p + 8 <= end; p += 8) c = slice8(c ^ load<u32>(p), load<u32>(p, 4));
  if (p + 4 <= end) {
    const a = c ^ load<u32>(p);
    c = table(768 + (a & 0xff)) ^ table(512 + ((a >>> 8) & 0xff)) ^ table(256 + ((a >>> 16) & 0xff)) ^ table(a >>> 24);
    p += 4;
  }
  const rest = <i32>(end - p);
  if (rest == 1) c = (c >>> 8) ^ table((c ^ load<u8>(p)) & 0xff);
  else if (rest == 2) {
    const a = c ^ <u32>load<u16>(p);
    c = (c >>> 16) ^ table(256 + (a & 0xff)) ^ table((a >>> 8) & 0xff);
  } else if (rest == 3) {
    const a = c ^ (<u32>load<u16>(p) | (<u32>load<u8>(p, 2) << 16));
    c = (c >>> 24) ^ table(512 + (a & 0xff)) ^ table(256 + ((a >>> 8) & 0xff)) ^ table((a >>> 16) & 0xff);
  }
  return ~c;
}

/**
 * CRC-32C of a TFRecord length field whose high word is 0: slice8(~length, 0) with the four
 * lookups of the zero word left out (every table maps byte 0 to 0).
 */
@inline function lengthCrc(length: u32): u32 {
  const a = ~length;
  return ~(table(1792 + (a & 0xff)) ^ table(1536 + ((a >>> 8) & 0xff)) ^ table(1280 + ((a >>> 16) & 0xff)) ^ table(1024 + (a >>> 24)));
}

@inline function masked(crc: u32): u32 {
  return rotr<u32>(crc, 15) + MASK_DELTA;
}

/**
 * Hash of the tag bytes at `p` (length `n`) from their first and last 8 bytes and the length: two
 * loads and one multiply, whatever the length. Equality is always checked on all the bytes.
 */
@inline function hashBytes(p: usize, n: i32): u32 {
  let x: u64;
  if (n >= 8) x = load<u64>(p) ^ rotl<u64>(load<u64>(p + <usize>n - 8), 23);
  else x = n == 0 ? 0 : load<u64>(p) & ((<u64>1 << (<u64>n << 3)) - 1);
  return <u32>(((x ^ <u64>n) * 0x9e3779b97f4a7c15) >>> 32);
}

@inline function sameBytes(a: usize, b: usize, n: i32): bool {
  if (n < 8) {
    for (let i = 0; i < n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
    return true;
  }
  // Whole words, then the last 8 bytes (overlapping the previous word when n is not a multiple of 8).
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(a + i) != load<u64>(b + i)) return false;
  return load<u64>(a + <usize>n - 8) == load<u64>(b + <usize>n - 8);
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
 * The slot of the tag bytes at `p` (length `n`), or -1. Logs usually cycle through their tags in a
 * fixed order, so the slot that followed the previous record's slot last time is tried first.
 */
@inline function slotOf(p: usize, n: i32): i32 {
  const guess = previousSlot < 0 ? -1 : load<i32>(nextSlot + (<usize>previousSlot << 2));
  if (guess >= 0) {
    const record = tagRecords + (<usize>guess << 3);
    if (load<i32>(record, 4) == n + 1 && sameBytes(tagArena + <usize>load<i32>(record), p, n)) {
      previousSlot = guess;
      return guess;
    }
  }
  const slot = findTag(p, n);
  if (slot >= 0) {
    if (previousSlot >= 0) store<i32>(nextSlot + (<usize>previousSlot << 2), slot);
    previousSlot = slot;
  }
  return slot;
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
 * Scans the records of input[pos, size) and returns how many it wrote to the output columns (at
 * most `limit`); then `stopPosition()` is where it stopped and `reason()` why. `verify` checks each
 * data CRC.
 */
export function scan(size: i32, pos: i32, verify: bool, maxRecordBytes: u32, limit: i32): i32 {
  let count = 0;
  const base = input;
  epoch++;
  touchedCount = 0;
  stripe = max(1, outCapacity / max(1, expectedSlots));
  const stripes = outCapacity / stripe;
  let outOfStripes = false;
  for (;;) {
    if (count == limit) { stopReason = STOP_FULL; break; }
    if (pos + HEADER > size) { stopReason = STOP_CUT; break; }
    const header = base + <usize>pos;
    const length = load<u32>(header);
    if (load<u32>(header, 4) != 0 || length > maxRecordBytes || masked(lengthCrc(length)) != load<u32>(header, 8)) { stopReason = STOP_OTHER; break; }
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
    if (verify && masked(crcOf(base + <usize>start, <i32>length, 0)) != load<u32>(e)) { stopReason = STOP_OTHER; break; }
    const slot = slotOf(tagStart, tagLength);
    if (slot < 0) {
      unknownTagPos = <i32>(tagStart - base);
      unknownTagLen = tagLength;
      stopReason = STOP_UNKNOWN_TAG;
      break;
    }
    const at4 = <usize>slot << 2;
    if (load<i32>(slotEpoch + at4) != epoch) {
      if (touchedCount == stripes) {
        outOfStripes = true;
        stopReason = STOP_FULL;
        break;
      }
      store<i32>(slotEpoch + at4, epoch);
      store<i32>(slotStart + at4, touchedCount * stripe);
      store<i32>(slotCount + at4, 0);
      store<i32>(slotFirstTensor + at4, -1);
      store<i32>(slotTensors + at4, 0);
      store<i32>(touched + (<usize>touchedCount << 2), slot);
      touchedCount++;
    } else if (!(<f64>step > load<f64>(slotLast + (<usize>slot << 3)))) { stopReason = STOP_OTHER; break; }
    const n = load<i32>(slotCount + at4);
    if (n == stripe) { stopReason = STOP_FULL; break; }
    store<f64>(slotLast + (<usize>slot << 3), <f64>step);
    store<i32>(slotCount + at4, n + 1);
    if (!simple) {
      if (load<i32>(slotFirstTensor + at4) < 0) store<i32>(slotFirstTensor + at4, pos);
      store<i32>(slotTensors + at4, load<i32>(slotTensors + at4) + 1);
    }
    const j = <usize>(load<i32>(slotStart + at4) + n);
    store<i32>(groupPos + (j << 2), pos);
    store<f64>(groupStep + (j << 3), <f64>step);
    store<f64>(groupWall + (j << 3), wall);
    store<f64>(groupValue + (j << 3), <f64>load<f32>(simple ? p + 1 : p + 8));
    store<u8>(groupTensor + j, simple ? 0 : 1);
    count++;
    pos = end + FOOTER;
  }
  stopPos = pos;
  expectedSlots = outOfStripes ? touchedCount * 2 : touchedCount;
  return count;
}
