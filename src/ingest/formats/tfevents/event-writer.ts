import type { HparamValue } from "../../../domain/run.js";
import { crc32c, maskCrc } from "./crc32c.js";
import { ProtoWriter, withScratch } from "./proto-writer.js";
import { DT_BFLOAT16, DT_DOUBLE, DT_FLOAT, DT_HALF } from "./tensor-scalar.js";

/**
 * How a scalar is stored: TF1 `simple_value`; TF2 tensor in `float_val`/`double_val`/`half_val`; or
 * the same dtypes as little-endian `tensor_content` bytes.
 */
export type ScalarEncoding = "simple" | "float" | "double" | "half" | "bfloat16" | "float-content" | "double-content" | "half-content";

export interface WriteOptions {
  /** Seconds since the epoch; default: `startWallTime` + index of the event. */
  wallTime?: number;
  /** Attach `scalars` plugin metadata (default: on the first tensor value of each tag, as TF2 does). */
  metadata?: boolean;
}

export interface EventFileWriterOptions {
  /** The first record's `file_version`; `null` writes none. Default `brain.Event:2`. */
  fileVersion?: string | null;
  /** Base of the default wall times. Default 1_700_000_000. */
  startWallTime?: number;
}

/** Frames one payload as a TFRecord: length, masked length CRC, payload, masked payload CRC. */
export function encodeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length + 16);
  frameInto(out, new DataView(out.buffer), 0, payload);
  return out;
}

/** Writes the framed record for `payload` at `pos` of `out` (which must have room for it). */
function frameInto(out: Uint8Array, view: DataView, pos: number, payload: Uint8Array): void {
  view.setUint32(pos, payload.length % 4294967296, true);
  view.setUint32(pos + 4, Math.floor(payload.length / 4294967296), true);
  view.setUint32(pos + 8, maskCrc(crc32c(out, pos, pos + 8)), true);
  out.set(payload, pos + 12);
  view.setUint32(pos + 12 + payload.length, maskCrc(crc32c(payload)), true);
}

function floatToHalf(value: number): number {
  const f32 = new DataView(new ArrayBuffer(4));
  f32.setFloat32(0, value);
  const x = f32.getUint32(0);
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  const mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) return e < -10 ? sign : sign | ((mant | 0x800000) >> (1 - e + 13));
  return sign | (e << 10) | (mant >> 13);
}

const DTYPES: Readonly<Record<string, number>> = { float: DT_FLOAT, double: DT_DOUBLE, half: DT_HALF, bfloat16: DT_BFLOAT16 };

/** Little-endian bytes of one value in the given dtype. */
function scalarBytes(value: number, base: string): Uint8Array {
  const bytes = new Uint8Array(base === "double" ? 8 : base === "float" ? 4 : 2);
  const view = new DataView(bytes.buffer);
  if (base === "double") view.setFloat64(0, value, true);
  else if (base === "float") view.setFloat32(0, value, true);
  else if (base === "half") view.setUint16(0, floatToHalf(value), true);
  else {
    const f32 = new DataView(new ArrayBuffer(4));
    f32.setFloat32(0, value);
    view.setUint16(0, f32.getUint16(0), true); // bfloat16 = high half of float32
  }
  return bytes;
}

/** A rank-0 TensorProto (empty shape) holding one value. */
function writeTensor(t: ProtoWriter, value: number, encoding: ScalarEncoding): void {
  const content = encoding.endsWith("-content");
  const base = encoding.replace("-content", "");
  const raw = scalarBytes(value, base);
  t.uint(1, DTYPES[base] ?? DT_FLOAT).message(2, () => undefined);
  if (content) t.bytes(4, raw);
  else if (base === "float") t.bytes(5, raw);
  else if (base === "double") t.bytes(6, raw);
  else t.bytes(13, new ProtoWriter().varint(raw[0]! | (raw[1]! << 8)).finish());
}

/**
 * Builds TensorBoard event files in memory, for tests and benchmarks. Pure: returns bytes.
 *
 * @example new EventFileWriter().scalar("loss", 1, 0.5).scalar("loss", 2, 0.4, { }).toBytes()
 */
export class EventFileWriter {
  private out = new Uint8Array(4096);
  private outView = new DataView(this.out.buffer);
  private size = 0;
  private events = 0;
  private readonly withMetadata = new Set<string>();
  private readonly startWallTime: number;

  constructor(options: EventFileWriterOptions = {}) {
    this.startWallTime = options.startWallTime ?? 1_700_000_000;
    const version = options.fileVersion === undefined ? "brain.Event:2" : options.fileVersion;
    if (version !== null) this.event((e) => e.double(1, this.startWallTime).string(3, version));
  }

  /** A scalar value; `encoding` defaults to TF1 `simple_value`. */
  scalar(tag: string, step: number, value: number, encoding: ScalarEncoding = "simple", options: WriteOptions = {}): this {
    const meta = options.metadata ?? (encoding !== "simple" && !this.withMetadata.has(tag));
    if (meta) this.withMetadata.add(tag);
    return this.summary(step, options.wallTime, (v) => {
      v.string(1, tag);
      if (meta) v.message(9, (m) => m.message(1, (p) => p.string(1, "scalars").bytes(2, new Uint8Array(0))));
      if (encoding === "simple") v.float(2, value);
      else v.message(8, (t) => writeTensor(t, value, encoding));
    });
  }

  /** The hparams plugin's `_hparams_/session_start_info` summary (as Keras, Lightning and PyTorch write). */
  hparams(values: Record<string, HparamValue | null>, options: WriteOptions = {}): this {
    const content = new ProtoWriter().uint(1, 0).message(3, (info) => {
      for (const [key, value] of Object.entries(values)) {
        info.message(1, (entry) => entry.string(1, key).message(2, (v) => writeProtobufValue(v, value)));
      }
    });
    return this.summary(0, options.wallTime, (v) => {
      v.string(1, "_hparams_/session_start_info");
      v.message(9, (m) => m.message(1, (p) => p.string(1, "hparams").bytes(2, content.finish())));
    });
  }

  /** A TF1 histogram value (skipped by the reader, counted). */
  histogram(tag: string, step: number, values: readonly number[]): this {
    const min = Math.min(...values);
    const max = Math.max(...values);
    return this.summary(step, undefined, (v) =>
      v.string(1, tag).message(5, (h) => h.double(1, min).double(2, max).double(3, values.length)),
    );
  }

  /** A TF1 image value (skipped by the reader, counted). */
  image(tag: string, step: number, encoded: Uint8Array): this {
    return this.summary(step, undefined, (v) => v.string(1, tag).message(4, (i) => i.uint(1, 1).uint(2, 1).bytes(4, encoded)));
  }

  /** A text-plugin tensor (skipped by the reader, counted). */
  text(tag: string, step: number, text: string): this {
    return this.summary(step, undefined, (v) => {
      v.string(1, tag).message(9, (m) => m.message(1, (p) => p.string(1, "text")));
      v.message(8, (t) => t.uint(1, 7).message(2, () => undefined).string(8, text));
    });
  }

  /** An Event built field by field (for unusual layouts in tests). */
  event(build: (event: ProtoWriter) => void): this {
    return this.record(withScratch(build));
  }

  /** A raw record payload (framed with valid CRCs). */
  record(payload: Uint8Array): this {
    const need = this.size + payload.length + 16;
    if (need > this.out.length) {
      const next = new Uint8Array(Math.max(need, this.out.length * 2));
      next.set(this.out.subarray(0, this.size));
      this.out = next;
      this.outView = new DataView(next.buffer);
    }
    frameInto(this.out, this.outView, this.size, payload);
    this.size = need;
    this.events++;
    return this;
  }

  /** Bytes written since the last `drain` (for streaming big files to disk). */
  drain(): Uint8Array {
    const bytes = this.toBytes();
    this.size = 0;
    return bytes;
  }

  /** A copy of all bytes not yet drained. */
  toBytes(): Uint8Array {
    return this.out.slice(0, this.size);
  }

  private summary(step: number, wallTime: number | undefined, value: (v: ProtoWriter) => void): this {
    const time = wallTime ?? this.startWallTime + this.events;
    return this.event((e) => e.double(1, time).uint(2, step).message(5, (s) => s.message(1, value)));
  }
}

/** `google.protobuf.Value`: null=1, number=2, string=3, bool=4. */
function writeProtobufValue(v: ProtoWriter, value: HparamValue | null): void {
  if (value === null) v.uint(1, 0);
  else if (typeof value === "number") v.double(2, value);
  else if (typeof value === "string") v.string(3, value);
  else v.uint(4, value ? 1 : 0);
}
