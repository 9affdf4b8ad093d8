import { WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, type WireReader } from "./wire-reader.js";

/** TensorFlow `DataType` values we read scalars from (types.proto). */
export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;
export const DT_BFLOAT16 = 14;
export const DT_HALF = 19;

/** Outcome of reading a `TensorProto` as one scalar. */
export type TensorScalarResult =
  | { ok: true; value: number }
  | { ok: false; reason: "dtype"; dtype: number }
  | { ok: false; reason: "shape"; elements: number }
  | { ok: false; reason: "empty" | "malformed" };

/** Decodes an IEEE 754 binary16 bit pattern. */
export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const scratch = new DataView(new ArrayBuffer(4));

/** Decodes a bfloat16 bit pattern (the high half of a float32). */
export function bfloat16ToFloat(bits: number): number {
  scratch.setUint32(0, (bits & 0xffff) << 16);
  return scratch.getFloat32(0);
}

interface TensorFields {
  dtype: number;
  elements: number;
  contentStart: number;
  contentEnd: number;
  value: number;
  hasValue: boolean;
}

/** Scratch state reused for every tensor (single-threaded; no allocation per value). */
const fields: TensorFields = { dtype: 0, elements: 1, contentStart: -1, contentEnd: -1, value: 0, hasValue: false };

/** Element count from a `TensorShapeProto` (dim=2 {size=1}); no dims means rank 0 (one element). */
function readShape(r: WireReader, end: number): number {
  const outer = r.end;
  r.end = end;
  let elements = 1;
  while (r.more()) {
    const key = r.key();
    if (key === (2 << 3) + WIRE_BYTES) {
      const dimEnd = r.delimited();
      const saved = r.end;
      r.end = dimEnd;
      let size = 0;
      while (r.more()) {
        const k = r.key();
        if (k === (1 << 3) + WIRE_VARINT) size = r.int64();
        else r.skip(k & 7);
      }
      r.end = saved;
      r.pos = dimEnd;
      elements *= size;
    } else r.skip(key & 7);
  }
  r.end = outer;
  return elements;
}

/** Reads the first element of a repeated number field, packed or not. */
function readFirst(r: WireReader, key: number, packedKey: number, read: () => number): void {
  if (fields.hasValue) {
    r.skip(key & 7);
    return;
  }
  if (key === packedKey) {
    const end = r.delimited();
    if (r.pos < end) {
      fields.value = read();
      fields.hasValue = true;
    }
    r.pos = end;
  } else {
    fields.value = read();
    fields.hasValue = true;
  }
}

function collect(r: WireReader): void {
  fields.dtype = 0;
  fields.elements = 1;
  fields.contentStart = -1;
  fields.hasValue = false;
  while (r.more()) {
    const key = r.key();
    switch (key) {
      case (1 << 3) + WIRE_VARINT: fields.dtype = r.varint(); break;
      case (2 << 3) + WIRE_BYTES: { const end = r.delimited(); fields.elements = readShape(r, end); r.pos = end; break; }
      case (4 << 3) + WIRE_BYTES: { const end = r.delimited(); fields.contentStart = r.pos; fields.contentEnd = end; r.pos = end; break; }
      case (5 << 3) + WIRE_BYTES: case (5 << 3) + WIRE_FIXED32: readFirst(r, key, (5 << 3) + WIRE_BYTES, () => r.float()); break;
      case (6 << 3) + WIRE_BYTES: case (6 << 3) + WIRE_FIXED64: readFirst(r, key, (6 << 3) + WIRE_BYTES, () => r.double()); break;
      case (13 << 3) + WIRE_BYTES: case (13 << 3) + WIRE_VARINT: readFirst(r, key, (13 << 3) + WIRE_BYTES, () => r.varint()); break;
      default: r.skip(key & 7);
    }
  }
}

function fromContent(r: WireReader, dtype: number): number | undefined {
  const { contentStart: start, contentEnd: end } = fields;
  if (start < 0) return undefined;
  const len = end - start;
  if (dtype === DT_FLOAT && len >= 4) return r.view.getFloat32(start, true);
  if (dtype === DT_DOUBLE && len >= 8) return r.view.getFloat64(start, true);
  if (dtype === DT_HALF && len >= 2) return halfToFloat(r.view.getUint16(start, true));
  if (dtype === DT_BFLOAT16 && len >= 2) return bfloat16ToFloat(r.view.getUint16(start, true));
  return undefined;
}

/**
 * Reads a `TensorProto` spanning `r.pos..r.end` as a single float/double/half/bfloat16 value, from
 * `float_val`/`double_val`/`half_val` or little-endian `tensor_content`. Absent shape = rank 0.
 */
export function readTensorScalar(r: WireReader): TensorScalarResult {
  collect(r);
  if (r.failed) return { ok: false, reason: "malformed" };
  const dtype = fields.dtype;
  if (dtype !== DT_FLOAT && dtype !== DT_DOUBLE && dtype !== DT_HALF && dtype !== DT_BFLOAT16) {
    return { ok: false, reason: "dtype", dtype };
  }
  if (fields.elements !== 1) return { ok: false, reason: "shape", elements: fields.elements };
  if (fields.hasValue) {
    if (dtype === DT_HALF) return { ok: true, value: halfToFloat(fields.value) };
    if (dtype === DT_BFLOAT16) return { ok: true, value: bfloat16ToFloat(fields.value) };
    return { ok: true, value: fields.value };
  }
  const value = fromContent(r, dtype);
  return value === undefined ? { ok: false, reason: "empty" } : { ok: true, value };
}
