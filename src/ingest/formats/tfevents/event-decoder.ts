import type { HparamValue } from "../../../domain/run.js";
import { crc32c, crc32c8, maskCrc } from "./crc32c.js";
import { readHparamsPluginData } from "./hparams.js";
import type { RecordFastPath, TfRecordDecoder } from "./record-decoder.js";
import type { TagCache, TagInfo } from "./tag-cache.js";
import { readTensorScalar, type TensorScalarResult } from "./tensor-scalar.js";
import { WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, WireReader } from "./wire-reader.js";

/** Non-scalar payloads we skip (and count). */
export type SkippedKind = "image" | "histogram" | "audio" | "text" | "tensor" | "graph" | "session-log" | "other";

/** Scalar counters the decoder's fast path keeps up to date itself (the sink counts the others). */
export interface ScalarCounts {
  scalars: number;
  simpleValues: number;
  tensorScalars: number;
}

/** Receives what the decoder finds in each `Event`. */
export interface EventSink {
  /** Every scalar the fast path does not store itself (first point of a tag, restarts, limits, growth). */
  scalar(tag: TagInfo, step: number, value: number, wallTime: number, tensor: boolean): void;
  hparams(values: Record<string, HparamValue>): void;
  fileVersion(version: string): void;
  skipped(kind: SkippedKind): void;
  /** A tensor under the scalars plugin that is not one float/double/half value. */
  unsupportedScalar(tag: TagInfo, result: Exclude<TensorScalarResult, { ok: true }>): void;
}

// Event fields (event.proto).
const EV_WALL_TIME = (1 << 3) + WIRE_FIXED64;
const EV_STEP = (2 << 3) + WIRE_VARINT;
const EV_FILE_VERSION = (3 << 3) + WIRE_BYTES;
const EV_SUMMARY = (5 << 3) + WIRE_BYTES;
const EV_SESSION_LOG = (7 << 3) + WIRE_BYTES;
// Summary and Summary.Value fields (summary.proto).
const SUMMARY_VALUE = (1 << 3) + WIRE_BYTES;
const V_TAG = (1 << 3) + WIRE_BYTES;
const V_SIMPLE = (2 << 3) + WIRE_FIXED32;
const V_IMAGE = (4 << 3) + WIRE_BYTES;
const V_HISTO = (5 << 3) + WIRE_BYTES;
const V_AUDIO = (6 << 3) + WIRE_BYTES;
const V_TENSOR = (8 << 3) + WIRE_BYTES;
const V_METADATA = (9 << 3) + WIRE_BYTES;
// SummaryMetadata.plugin_data {plugin_name=1, content=2}.
const MD_PLUGIN_DATA = (1 << 3) + WIRE_BYTES;
const PD_NAME = (1 << 3) + WIRE_BYTES;
const PD_CONTENT = (2 << 3) + WIRE_BYTES;

const PLUGIN_KIND: Readonly<Record<string, SkippedKind>> = {
  histograms: "histogram",
  images: "image",
  audio: "audio",
  text: "text",
};

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** TF2 `tf.summary.scalar` after the first value: tensor {dtype: DT_FLOAT, tensor_shape {}, float_val: x} at `buf[p, end)`. */
function isFloatTensorScalar(buf: Uint8Array, p: number, end: number): boolean {
  return p + 12 === end && buf[p] === 0x42 && buf[p + 1] === 10 && buf[p + 2] === 0x08 && buf[p + 3] === 1 &&
    buf[p + 4] === 0x12 && buf[p + 5] === 0 && buf[p + 6] === 0x2a && buf[p + 7] === 4;
}

/** Where `readPlainScalar` puts what it read (one reused object: no allocation per record). */
interface PlainScalar {
  wallTime: number;
  /** Non-negative step (at most 7 varint bytes). */
  step: number;
  tagStart: number;
  tagEnd: number;
  /** Offset of the float32 value. */
  valueAt: number;
  /** `simple_value`; false: a rank-0 DT_FLOAT tensor (a scalar only under the `scalars` plugin). */
  simple: boolean;
}

/**
 * The layout nearly every scalar event has, read without the general walk: wall_time, a non-negative
 * step, one summary with one value {tag, simple_value | rank-0 DT_FLOAT float_val}, at `buf[start, end)`.
 * Returns false (and `out` means nothing) for anything else.
 */
function readPlainScalar(buf: Uint8Array, view: DataView, start: number, end: number, out: PlainScalar): boolean {
  let p = start;
  if (buf[p] !== 0x09 || buf[p + 9] !== 0x10) return false;
  out.wallTime = view.getFloat64(p + 1, true);
  p += 10;
  let step = 0;
  let scale = 1;
  let b = 0x80;
  for (let i = 0; i < 7 && b >= 0x80; i++, scale *= 128) {
    b = buf[p++] ?? 0;
    step += (b & 0x7f) * scale;
  }
  if (b >= 0x80 || buf[p] !== 0x2a || buf[p + 1]! + p + 2 !== end || buf[p + 2] !== 0x0a || buf[p + 3]! + p + 4 !== end) return false;
  p += 4;
  const tagLength = buf[p + 1]!;
  if (buf[p] !== 0x0a || tagLength >= 0x80) return false;
  const tagEnd = p + 2 + tagLength;
  const simple = tagEnd + 5 === end && buf[tagEnd] === 0x15;
  if (!simple && !isFloatTensorScalar(buf, tagEnd, end)) return false;
  out.step = step;
  out.tagStart = p + 2;
  out.tagEnd = tagEnd;
  out.valueAt = simple ? tagEnd + 1 : tagEnd + 8;
  out.simple = simple;
  return true;
}

/**
 * Decodes serialized `Event` protos (only the fields Loss Doctor needs) and reports scalars, hparams
 * and skipped payloads to a sink. Reuses one reader and one scratch state: no per-record allocation
 * on the scalar path. Never throws; `decode` returns false for bytes that are not a valid Event.
 */
export class EventDecoder implements RecordFastPath {
  private readonly r = new WireReader();
  private wallTime = Number.NaN;
  private step = 0;
  private readonly plain: PlainScalar = { wallTime: 0, step: 0, tagStart: 0, tagEnd: 0, valueAt: 0, simple: true };
  private readonly visitSummary = (start: number, end: number): void => this.summary(start, end);
  private readonly visitValue = (start: number, end: number): void => this.value(start, end);

  constructor(private readonly tags: TagCache, private readonly sink: EventSink, private readonly counts: ScalarCounts) {}

  decode(buf: Uint8Array, view: DataView, start: number, end: number): boolean {
    return this.fastScalar(buf, view, start, end) || this.general(buf, view, start, end);
  }

  /**
   * One record in the plain scalar layout (`readPlainScalar`), decoded without the general walk.
   * Returns false (nothing consumed) for anything else, which then takes the general path.
   */
  private fastScalar(buf: Uint8Array, view: DataView, start: number, end: number): boolean {
    const s = this.plain;
    if (!readPlainScalar(buf, view, start, end, s)) return false;
    const { simple, step, wallTime } = s;
    const tag = this.tags.lookup(buf, view, s.tagStart, s.tagEnd);
    if (!simple && tag.plugin !== "scalars") return false;
    const value = view.getFloat32(s.valueAt, true);
    // In order and under the limit: store here, with no call that would box the doubles.
    const points = tag.points;
    if (points !== undefined && step > tag.lastStep && points.length < tag.pointLimit && points.tryPush(step, value, wallTime)) {
      tag.lastStep = step;
      const counts = this.counts;
      counts.scalars++;
      if (simple) counts.simpleValues++;
      else counts.tensorScalars++;
    } else this.sink.scalar(tag, step, value, wallTime, !simple);
    return true;
  }

  /**
   * The fused hot loop (`RecordFastPath`): framing, length CRC, data CRC (when `frame` checks them)
   * and the scalar fast path in one function, over the records of `chunk` from `pos`.
   * It stops, without consuming it, at the first record that is cut by the chunk's end, has an
   * unusual header, a wrong data CRC, another layout than `readPlainScalar`'s, or a point the series must
   * handle itself (a tag's first point, a restart, growth, the limit). The general path takes that
   * record, so every result is the same as record by record; this loop only saves the calls.
   */
  scanRecords(chunk: Uint8Array, view: DataView, pos: number, frame: TfRecordDecoder): number {
    const n = chunk.length;
    const { maxRecordBytes, verifyDataCrc } = frame;
    const tags = this.tags;
    const plain = this.plain;
    let records = 0;
    let simpleValues = 0;
    let tensorScalars = 0;
    for (;;) {
      const start = pos + 12;
      const length = start <= n ? view.getUint32(pos, true) : 0;
      const end = start + length;
      if (end + 4 > n || view.getUint32(pos + 4, true) !== 0 || length > maxRecordBytes || maskCrc(crc32c8(view, pos)) !== view.getUint32(pos + 8, true)) break;
      if (!readPlainScalar(chunk, view, start, end, plain)) break;
      if (verifyDataCrc && maskCrc(crc32c(chunk, start, end, 0, view)) !== view.getUint32(end, true)) break;
      const { simple, step } = plain;
      const tag = tags.lookup(chunk, view, plain.tagStart, plain.tagEnd);
      const points = tag.points;
      if ((!simple && tag.plugin !== "scalars") || points === undefined || !(step > tag.lastStep) || points.length >= tag.pointLimit) break;
      if (!points.tryPush(step, view.getFloat32(plain.valueAt, true), plain.wallTime)) break;
      tag.lastStep = step;
      if (simple) simpleValues++;
      else tensorScalars++;
      records++;
      pos = end + 4;
    }
    frame.records += records;
    const counts = this.counts;
    counts.scalars += simpleValues + tensorScalars;
    counts.simpleValues += simpleValues;
    counts.tensorScalars += tensorScalars;
    return pos;
  }

  private general(buf: Uint8Array, view: DataView, start: number, end: number): boolean {
    const r = this.r;
    r.reset(buf, view, start, end);
    this.wallTime = Number.NaN;
    this.step = 0;
    let summaryStart = -1;
    let summaryEnd = -1;
    let summaries = 0;
    while (r.more()) {
      const key = r.key();
      if (key === EV_WALL_TIME) this.wallTime = r.double();
      else if (key === EV_STEP) this.step = r.int64();
      else if (key === EV_SUMMARY) {
        summaryEnd = r.delimited();
        if (summaries++ === 0) summaryStart = r.pos;
        r.pos = summaryEnd;
      } else if (key === EV_FILE_VERSION) {
        const stop = r.delimited();
        this.sink.fileVersion(utf8.decode(buf.subarray(r.pos, stop)));
        r.pos = stop;
      } else this.skipEventField(key);
    }
    if (r.failed) return false;
    if (summaries === 1) this.summary(summaryStart, summaryEnd);
    else if (summaries > 1) this.allSummaries(start, end);
    return !r.failed;
  }

  private skipEventField(key: number): void {
    const field = key >>> 3;
    if (field === 4 || field === 8 || field === 9) this.sink.skipped("graph");
    else if (key === EV_SESSION_LOG) this.sink.skipped("session-log");
    else if (field > 0) this.sink.skipped("other");
    this.r.skip(key & 7);
  }

  /** Proto merge semantics: several `summary` fields concatenate their values. */
  private allSummaries(start: number, end: number): void {
    this.r.failed = false;
    this.r.eachDelimited(EV_SUMMARY, start, end, this.visitSummary);
  }

  private summary(start: number, end: number): void {
    this.r.eachDelimited(SUMMARY_VALUE, start, end, this.visitValue);
  }

  private value(start: number, end: number): void {
    const r = this.r;
    r.end = end;
    let tagStart = -1;
    let tagEnd = -1;
    let simple = Number.NaN;
    let hasSimple = false;
    let metaStart = -1;
    let metaEnd = -1;
    let tensorStart = -1;
    let tensorEnd = -1;
    let other: SkippedKind | undefined;
    r.pos = start;
    while (r.more()) {
      const key = r.key();
      if (key === V_TAG) {
        tagEnd = r.delimited();
        tagStart = r.pos;
        r.pos = tagEnd;
      } else if (key === V_SIMPLE) {
        simple = r.float();
        hasSimple = true;
      } else if (key === V_TENSOR || key === V_METADATA) {
        const stop = r.delimited();
        if (key === V_TENSOR) [tensorStart, tensorEnd] = [r.pos, stop];
        else [metaStart, metaEnd] = [r.pos, stop];
        r.pos = stop;
      } else {
        if (key === V_IMAGE) other = "image";
        else if (key === V_HISTO) other = "histogram";
        else if (key === V_AUDIO) other = "audio";
        r.skip(key & 7);
      }
    }
    if (r.failed || tagStart < 0) return;
    const tag = this.tags.lookup(r.buf, r.view, tagStart, tagEnd);
    if (metaStart >= 0) this.metadata(tag, metaStart, metaEnd);
    if (hasSimple) this.sink.scalar(tag, this.step, simple, this.wallTime, false);
    else if (tensorStart >= 0) this.tensor(tag, tensorStart, tensorEnd);
    else if (other !== undefined) this.sink.skipped(other);
  }

  private tensor(tag: TagInfo, start: number, end: number): void {
    const plugin = tag.plugin;
    if (plugin !== "scalars") {
      if (plugin !== "hparams") this.sink.skipped((plugin !== undefined && PLUGIN_KIND[plugin]) || "tensor");
      return;
    }
    const r = this.r;
    r.pos = start;
    r.end = end;
    const result = readTensorScalar(r);
    r.failed = false; // the value was delimited correctly; a bad tensor only loses this value
    if (result.ok) this.sink.scalar(tag, this.step, result.value, this.wallTime, true);
    else this.sink.unsupportedScalar(tag, result);
  }

  private metadata(tag: TagInfo, start: number, end: number): void {
    const r = this.r;
    r.eachDelimited(MD_PLUGIN_DATA, start, end, (dataStart, dataEnd) => {
      r.pos = dataStart;
      r.end = dataEnd;
      this.pluginData(tag);
    });
    r.failed = false;
  }

  private pluginData(tag: TagInfo): void {
    const r = this.r;
    let contentStart = -1;
    let contentEnd = -1;
    while (r.more()) {
      const key = r.key();
      const isName = key === PD_NAME;
      if (!isName && key !== PD_CONTENT) {
        r.skip(key & 7);
        continue;
      }
      const stop = r.delimited();
      if (isName) tag.plugin ??= utf8.decode(r.buf.subarray(r.pos, stop));
      else [contentStart, contentEnd] = [r.pos, stop];
      r.pos = stop;
    }
    if (tag.plugin === "hparams" && contentStart >= 0 && !r.failed) {
      r.pos = contentStart;
      r.end = contentEnd;
      const values = readHparamsPluginData(r);
      if (Object.keys(values).length > 0) this.sink.hparams(values);
    }
  }
}
