/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) in pure TypeScript, slicing-by-8, plus the
 * TFRecord masking used by TensorFlow's `record_writer.cc` and TensorBoard's `masked_crc.rs`.
 */

const POLYNOMIAL = 0x82f63b78;
const MASK_DELTA = 0xa282ead8;
const SLICES = 8;

function buildTables(): Int32Array {
  const table = new Int32Array(256 * SLICES);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLYNOMIAL : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = table[n] ?? 0;
    for (let s = 1; s < SLICES; s++) {
      c = (table[c & 0xff] ?? 0) ^ (c >>> 8);
      table[s * 256 + n] = c;
    }
  }
  return table;
}

const T = buildTables();

/**
 * CRC-32C of `data[start, end)`, continuing from `crc` (the unmasked CRC of the preceding bytes, 0 to
 * start). Returns an unsigned 32-bit integer. `view` must cover the same bytes as `data`; callers
 * that check many short records pass the chunk's view instead of having one made per call.
 *
 * Words are read with `DataView.getInt32` (one bounds-checked load per 4 bytes instead of four):
 * about 1.5x faster in bulk and 2x faster on 30-50-byte TFRecord payloads than byte loads.
 */
export function crc32c(data: Uint8Array, start = 0, end = data.length, crc = 0, view = viewOf(data)): number {
  let c = ~crc;
  let i = start;
  const t = T;
  for (const stop = end - 7; i < stop; i += 8) c = slice8(c ^ view.getInt32(i, true), view.getInt32(i + 4, true));
  // Short TFRecord payloads spend much of their time in the tail: one 4-byte step (slicing-by-4
  // with the last four tables), then at most 3 single bytes.
  if (i + 3 < end) {
    const a = c ^ view.getInt32(i, true);
    c = t[768 + (a & 0xff)]! ^ t[512 + ((a >>> 8) & 0xff)]! ^ t[256 + ((a >>> 16) & 0xff)]! ^ t[a >>> 24]!;
    i += 4;
  }
  for (; i < end; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** CRC-32C of exactly the 8 bytes at `pos` of the bytes `view` covers (a TFRecord length field). */
export function crc32c8(view: DataView, pos: number): number {
  return ~slice8(~view.getInt32(pos, true), view.getInt32(pos + 4, true)) >>> 0;
}

/** One slicing-by-8 step: the CRC state after 8 bytes, given (state ^ bytes 0-3) and bytes 4-7 as words. */
function slice8(a: number, b: number): number {
  const t = T;
  return (
    t[1792 + (a & 0xff)]! ^
    t[1536 + ((a >>> 8) & 0xff)]! ^
    t[1280 + ((a >>> 16) & 0xff)]! ^
    t[1024 + (a >>> 24)]! ^
    t[768 + (b & 0xff)]! ^
    t[512 + ((b >>> 8) & 0xff)]! ^
    t[256 + ((b >>> 16) & 0xff)]! ^
    t[b >>> 24]!
  );
}

/** TFRecord mask: rotate right by 15 bits and add a constant, modulo 2^32. */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/** Inverse of `maskCrc`. */
export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

/** Masked CRC-32C of `data[start, end)`, as stored in TFRecord headers and footers. */
export function maskedCrc32c(data: Uint8Array, start = 0, end = data.length): number {
  return maskCrc(crc32c(data, start, end));
}

/**
 * Type feedback before the first bulk call: V8 only records feedback once a function has run a few
 * times, and code optimized during one long call (on-stack replacement) without feedback for the
 * tail branches (or that saw only results below 2^31) deoptimizes again and again. 8 + 4 + 3 bytes
 * run every branch.
 */
const WARM_UP_BYTES = 15;
const WARM_UP_CALLS = 32;
const warmUp = new Uint8Array(WARM_UP_BYTES);
for (let n = 0; n < WARM_UP_CALLS; n++) {
  warmUp[0] = n; // results on both sides of 2^31, so the unsigned result is not assumed to be a small int
  crc32c(warmUp);
}
