const encoder = new TextEncoder();
/** Encoded strings by value: tags repeat on every event. */
const stringCache = new Map<string, Uint8Array>();
const STRING_CACHE_LIMIT = 10_000;

function utf8(value: string): Uint8Array {
  let bytes = stringCache.get(value);
  if (bytes === undefined) {
    bytes = encoder.encode(value);
    if (stringCache.size < STRING_CACHE_LIMIT) stringCache.set(value, bytes);
  }
  return bytes;
}

/** Scratch writers for nested messages, one per nesting depth (the writer is single-threaded). */
const pool: ProtoWriter[] = [];
let depth = 0;

/** Minimal protobuf encoder for the event writer (tests and benchmarks). */
export class ProtoWriter {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Unsigned varint; negative numbers are written as 10-byte two's complement int64. */
  varint(value: number): this {
    this.reserve(10);
    if (value < 0) {
      let big = BigInt.asUintN(64, BigInt(Math.trunc(value)));
      while (big >= 0x80n) {
        this.buf[this.length++] = Number(big & 0x7fn) | 0x80;
        big >>= 7n;
      }
      this.buf[this.length++] = Number(big);
      return this;
    }
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
    return this;
  }

  key(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  double(field: number, value: number): this {
    this.key(field, 1).reserve(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, 5).reserve(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
    return this;
  }

  uint(field: number, value: number): this {
    return this.key(field, 0).varint(value);
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2).varint(value.length).reserve(value.length);
    this.buf.set(value, this.length);
    this.length += value.length;
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8(value));
  }

  message(field: number, build: (w: ProtoWriter) => void): this {
    return this.bytes(field, withScratch(build));
  }

  /** The bytes written so far, without copying (valid until the next write). */
  written(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Builds a message in a pooled scratch writer and returns a view of its bytes, valid until the
 * next call at the same nesting depth (callers copy it right away).
 */
export function withScratch(build: (w: ProtoWriter) => void): Uint8Array {
  const inner = (pool[depth] ??= new ProtoWriter());
  inner.length = 0;
  depth++;
  try {
    build(inner);
  } finally {
    depth--;
  }
  return inner.written();
}
