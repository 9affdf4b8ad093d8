import type { Issue } from "../../../domain/issue.js";
import { crc32c, crc32c8, maskCrc } from "./crc32c.js";
import { tfeventsMessages as msg } from "./messages.js";

/** Receives each complete record's payload `buf[start, end)`; `view` covers `buf`. */
export type RecordHandler = (buf: Uint8Array, view: DataView, start: number, end: number, offset: number) => void;

/**
 * An optional fused loop (see `EventDecoder.scanRecords`): consumes whole, plain, valid records of
 * `chunk` from `pos` for as long as it can handle them completely, and returns where it stopped; the
 * decoder then handles that record the general way. It must not consume a record it would not
 * handle exactly as the general path does.
 */
export interface RecordFastPath {
  scanRecords(chunk: Uint8Array, view: DataView, pos: number, frame: TfRecordDecoder): number;
}

export interface TfRecordDecoderOptions {
  /** Path reported in issues. */
  file: string;
  /** Check each payload's CRC (default true). `false` = fast mode: only the length CRC is checked. */
  verifyDataCrc: boolean;
  /** Largest payload accepted; a larger declared length stops the file. */
  maxRecordBytes: number;
  /** Bytes read from this file at most; the rest is ignored with `limitIssue`. */
  maxBytes: number;
  /** The file's size when known (lets readers size their point stores once instead of doubling). */
  expectedBytes?: number | undefined;
  limitIssue: { code: string; message: string };
}

const HEADER = 12;
const FOOTER = 4;
const LFS_PREFIX = new TextEncoder().encode("version https://git-lfs.github.com/spec/v1");
const LFS_SNIFF = HEADER;


/**
 * Streaming TFRecord framing decoder: `push(chunk)` any number of times, then `end()`. Complete
 * records inside a chunk are handed out in place (no copy); only a record split across chunks is
 * assembled in a carry buffer. Problems become issues with byte offsets; nothing throws.
 *
 * - bad length CRC: error, the file stops (the length cannot be trusted);
 * - bad data CRC (when verified): error, that record is skipped;
 * - partial record at the end: info (normal while a run is still writing).
 */
export class TfRecordDecoder {
  readonly issues: Issue[] = [];
  /** Bytes accepted so far (the absolute offset of the next byte). */
  offset = 0;
  records = 0;
  /** Chunks pushed so far: tells a fast path that the bytes changed even when the caller reuses its buffer. */
  pushes = 0;
  stopped = false;
  private carry = new Uint8Array(0);
  private carryView = new DataView(this.carry.buffer);
  private carryLength = 0;
  /** Total size of the record in the carry buffer once its header is verified, else -1. */
  private carryNeed = -1;

  /** Largest payload accepted (from the options). */
  readonly maxRecordBytes: number;
  /** Data CRCs are checked here (full mode). */
  readonly verifyDataCrc: boolean;
  /** The file's size when known (`TfRecordDecoderOptions.expectedBytes`). */
  readonly expectedBytes: number | undefined;

  constructor(
    private readonly options: TfRecordDecoderOptions,
    private readonly onRecord: RecordHandler,
    private readonly fastPath?: RecordFastPath,
  ) {
    this.maxRecordBytes = options.maxRecordBytes;
    this.verifyDataCrc = options.verifyDataCrc;
    this.expectedBytes = options.expectedBytes;
  }

  /** Feeds the next bytes of the file. Returns false once the decoder has stopped. */
  push(input: Uint8Array): boolean {
    if (this.stopped) return false;
    this.pushes++;
    // Node Buffers are Uint8Array subclasses; one plain view per chunk keeps the byte loads of the
    // decoders monomorphic (measurably faster than mixing Buffer and Uint8Array).
    let chunk = Object.getPrototypeOf(input) === Uint8Array.prototype ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    const room = this.options.maxBytes - this.offset;
    if (chunk.length > room) {
      chunk = chunk.subarray(0, Math.max(0, room));
      this.issue(this.options.limitIssue.code, "warning", this.options.limitIssue.message, this.options.maxBytes);
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let pos = this.carryLength > 0 ? this.fillCarry(chunk) : 0;
    const base = this.offset;
    if (!this.stopped) pos = this.scan(chunk, view, pos, base);
    if (!this.stopped && pos < chunk.length) this.startCarry(chunk, pos, -1);
    this.offset = base + chunk.length;
    if (chunk.length < input.length) this.stopped = true;
    return !this.stopped;
  }

  /** Signals the end of the file; a partial record left over becomes an info issue. */
  end(): void {
    if (this.stopped || this.carryLength === 0) return;
    const start = this.offset - this.carryLength;
    const need = this.carryNeed > 0 ? this.carryNeed : HEADER;
    if (start === 0 && this.looksLikeLfs(this.carry, 0, this.carryLength)) {
      this.issue("tfevents-lfs-pointer", "error", msg.lfsPointer());
    } else {
      this.issue("tfevents-truncated-record", "info", msg.truncated(start, need - this.carryLength), start);
    }
    this.carryLength = 0;
  }

  /**
   * The hot loop over the records of `chunk` from `pos`: a header that is not a plain valid one
   * takes `checkHeader` (which reports and stops); a record cut by the chunk's end goes to the carry
   * buffer. Returns the position of the first byte not consumed.
   */
  private scan(chunk: Uint8Array, view: DataView, pos: number, base: number): number {
    const n = chunk.length;
    const { maxRecordBytes, verifyDataCrc } = this;
    const onRecord = this.onRecord;
    const fastPath = this.fastPath;
    while (pos + HEADER <= n) {
      if (fastPath !== undefined && (pos = fastPath.scanRecords(chunk, view, pos, this)) + HEADER > n) break;
      const length = view.getUint32(pos, true);
      let total = HEADER + length + FOOTER;
      const plain = view.getUint32(pos + 4, true) === 0 && length <= maxRecordBytes && maskCrc(crc32c8(view, pos)) === view.getUint32(pos + 8, true);
      if (!plain && (total = this.checkHeader(chunk, view, pos, base + pos)) < 0) return pos;
      if (pos + total > n) {
        this.startCarry(chunk, pos, total);
        return n;
      }
      const start = pos + HEADER;
      const end = pos + total - FOOTER;
      if (verifyDataCrc && maskCrc(crc32c(chunk, start, end, 0, view)) !== view.getUint32(end, true)) {
        this.issue("tfevents-bad-data-crc", "error", msg.badDataCrc(base + pos), base + pos);
      } else {
        this.records++;
        onRecord(chunk, view, start, end, base + pos);
      }
      pos += total;
    }
    return pos;
  }

  /** Validates the header at `pos`; returns the full record size or -1 (and stops) when invalid. */
  private checkHeader(buf: Uint8Array, view: DataView, pos: number, offset: number): number {
    const lo = view.getUint32(pos, true);
    const hi = view.getUint32(pos + 4, true);
    if (maskCrc(crc32c8(view, pos)) !== view.getUint32(pos + 8, true)) {
      if (offset === 0 && this.looksLikeLfs(buf, pos, buf.length)) this.issue("tfevents-lfs-pointer", "error", msg.lfsPointer());
      else if (offset === 0) this.issue("tfevents-not-tfrecord", "error", msg.notTfRecord(), 0);
      else this.issue("tfevents-bad-length-crc", "error", msg.badLengthCrc(offset), offset);
      this.stopped = true;
      return -1;
    }
    const length = hi * 4294967296 + lo;
    if (length > this.options.maxRecordBytes) {
      this.issue("tfevents-record-too-large", "error", msg.recordTooLarge(offset, length, this.options.maxRecordBytes), offset);
      this.stopped = true;
      return -1;
    }
    return HEADER + length + FOOTER;
  }

  private emit(buf: Uint8Array, view: DataView, pos: number, total: number, offset: number): void {
    const start = pos + HEADER;
    const end = pos + total - FOOTER;
    if (this.verifyDataCrc && maskCrc(crc32c(buf, start, end, 0, view)) !== view.getUint32(end, true)) {
      this.issue("tfevents-bad-data-crc", "error", msg.badDataCrc(offset), offset);
      return;
    }
    this.records++;
    this.onRecord(buf, view, start, end, offset);
  }

  /** Copies a record that continues in the next chunk; `total` < 0 when its header is incomplete. */
  private startCarry(chunk: Uint8Array, pos: number, total: number): void {
    const rest = chunk.length - pos;
    this.ensureCarry(Math.max(HEADER, rest));
    this.carry.set(chunk.subarray(pos), 0);
    this.carryLength = rest;
    this.carryNeed = total;
  }

  /** Completes the carried record from `chunk`; returns how many bytes of `chunk` were consumed. */
  private fillCarry(chunk: Uint8Array): number {
    let used = 0;
    if (this.carryNeed < 0) {
      used = Math.min(HEADER - this.carryLength, chunk.length);
      this.carry.set(chunk.subarray(0, used), this.carryLength);
      this.carryLength += used;
      if (this.carryLength < HEADER) return used;
      const start = this.offset - (this.carryLength - used);
      const total = this.checkHeader(this.carry, this.carryView, 0, start);
      if (total < 0) return chunk.length;
      this.carryNeed = total;
    }
    const take = Math.min(this.carryNeed - this.carryLength, chunk.length - used);
    // Grow with the bytes actually received, never to a declared length a corrupt file may inflate.
    this.ensureCarry(this.carryLength + take);
    this.carry.set(chunk.subarray(used, used + take), this.carryLength);
    this.carryLength += take;
    used += take;
    if (this.carryLength === this.carryNeed) {
      const start = this.offset + used - this.carryNeed;
      this.emit(this.carry, this.carryView, 0, this.carryNeed, start);
      this.carryLength = 0;
      this.carryNeed = -1;
    }
    return used;
  }

  private ensureCarry(size: number): void {
    if (this.carry.length >= size) return;
    const next = new Uint8Array(Math.max(size, this.carry.length * 2, 64));
    next.set(this.carry.subarray(0, this.carryLength));
    this.carry = next;
    this.carryView = new DataView(next.buffer);
  }

  private looksLikeLfs(buf: Uint8Array, pos: number, end: number): boolean {
    const n = Math.min(LFS_PREFIX.length, end - pos);
    if (n < Math.min(LFS_SNIFF, LFS_PREFIX.length)) return false;
    for (let i = 0; i < n; i++) if (buf[pos + i] !== LFS_PREFIX[i]) return false;
    return true;
  }

  private issue(code: string, severity: Issue["severity"], message: string, byteOffset?: number): void {
    const location: Issue["location"] = { file: this.options.file };
    if (byteOffset !== undefined) location.byteOffset = byteOffset;
    this.issues.push({ code, severity, message, location });
  }
}
