/**
 * Allocation-free protobuf wire-format walker over a byte range. One instance is reused for every
 * record; nested messages are walked by saving and restoring `end`. Reads never go past `end`: a
 * malformed message sets `failed` and the walk stops instead of throwing.
 */

/** Protobuf wire types. */
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

const TWO_POW_32 = 4294967296;

export class WireReader {
  buf: Uint8Array = new Uint8Array(0);
  view: DataView = new DataView(this.buf.buffer);
  pos = 0;
  end = 0;
  /** Set when the bytes are not a valid message (truncated varint, length past the end, bad wire type). */
  failed = false;

  /** Points the reader at `buf[start, end)`; `view` must cover the same buffer as `buf`. */
  reset(buf: Uint8Array, view: DataView, start: number, end: number): void {
    this.buf = buf;
    this.view = view;
    this.pos = start;
    this.end = end;
    this.failed = false;
  }

  /** True while there are bytes left and nothing failed. */
  more(): boolean {
    return this.pos < this.end && !this.failed;
  }

  /** Unsigned varint up to 2^53 (larger values lose precision, as doubles do). */
  varint(): number {
    const buf = this.buf;
    let pos = this.pos;
    const end = this.end;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) break;
      const b = buf[pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) {
        this.pos = pos;
        return result;
      }
      scale *= 128;
    }
    this.failed = true;
    this.pos = end;
    return 0;
  }

  /** Signed int64 varint (two's complement, 10 bytes for negatives) as a double. */
  int64(): number {
    const start = this.pos;
    const value = this.varint();
    if (this.failed || this.pos - start < 10) return value;
    // Negative: rebuild the low and high 32-bit words of the two's complement value.
    const b = (i: number): number => this.buf[start + i]! & 0x7f;
    const lo = (b(0) | (b(1) << 7) | (b(2) << 14) | (b(3) << 21) | (b(4) << 28)) >>> 0;
    const hi = (b(4) >> 4) | (b(5) << 3) | (b(6) << 10) | (b(7) << 17) | (b(8) << 24) | (b(9) << 31);
    return (hi | 0) * TWO_POW_32 + (lo >>> 0);
  }

  /** Reads a field key; returns `fieldNumber * 8 + wireType`, or -1 when nothing is left. */
  key(): number {
    if (this.pos >= this.end || this.failed) return -1;
    const b = this.buf[this.pos]!;
    if (b < 0x80) {
      this.pos++;
      return b;
    }
    return this.varint();
  }

  /** Reads a length prefix and returns the end of the delimited range (or fails). */
  delimited(): number {
    const len = this.varint();
    const end = this.pos + len;
    if (end > this.end || this.failed) {
      this.failed = true;
      this.pos = this.end;
      return this.end;
    }
    return end;
  }

  double(): number {
    if (this.pos + 8 > this.end) return this.fail();
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  float(): number {
    if (this.pos + 4 > this.end) return this.fail();
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /**
   * Walks `[start, end)` and calls `visit(fieldStart, fieldEnd)` for each length-delimited field with
   * this `key`, skipping the others. The range is restored after each call, so `visit` may move the
   * reader inside the field.
   */
  eachDelimited(key: number, start: number, end: number, visit: (fieldStart: number, fieldEnd: number) => void): void {
    this.pos = start;
    this.end = end;
    while (this.more()) {
      const k = this.key();
      if (k !== key) {
        this.skip(k & 7);
        continue;
      }
      const stop = this.delimited();
      visit(this.pos, stop);
      this.end = end;
      this.pos = stop;
    }
  }

  /** Skips a field of the given wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_BYTES:
        this.pos = this.delimited();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      default:
        this.fail();
    }
  }

  private advance(n: number): void {
    if (this.pos + n > this.end) this.fail();
    else this.pos += n;
  }

  private fail(): number {
    this.failed = true;
    this.pos = this.end;
    return Number.NaN;
  }
}
