import type { StepUnit } from "../../../domain/series.js";
import type { SeriesAppender } from "../../series-builder.js";
import type { SeriesPoints } from "../../series-points.js";

/** What we remember about one tag of a run: its name and the plugin its first metadata named. */
export interface TagInfo {
  readonly name: string;
  /** Index of this tag in its cache (0, 1, ... in order of first sight); `TagCache.at(slot)`. */
  readonly slot: number;
  /** `plugin_name` from the first value that carried metadata (TensorBoard sends it once per tag). */
  plugin: string | undefined;
  readonly stepUnit: StepUnit;
  /** Set once a problem with this tag was reported, so each tag is reported at most once. */
  reported: boolean;
  /** Step of the last scalar of this tag (NaN before the first), to tell restarts from re-logged steps. */
  lastStep: number;
  /** Values logged again at the step the tag's previous value had, and the file of the first one. */
  repeats: number;
  repeatedIn: string | undefined;
  readonly bytes: Uint8Array;
  /** `bytes` as a DataView, to compare four bytes at a time. */
  readonly view: DataView;
  /** The tag's series appender, created on its first scalar (one per tag: no map lookup per point). */
  append: SeriesAppender | undefined;
  /** The tag's point store, for the decoder's in-order fast path (set with `append`). */
  points: SeriesPoints | undefined;
  /** Points the store may hold (the points-per-series limit); the fast path stops short of it. */
  pointLimit: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Keras writes per-epoch summaries as `epoch_*` (and `evaluation_*_vs_iterations` per step). */
function stepUnitOf(tag: string): StepUnit {
  return /^epoch_/.test(tag) ? "epoch" : "step";
}

/**
 * Interns tag strings by their UTF-8 bytes so the hot loop never runs a TextDecoder for a tag it has
 * seen: a word-wise hash of the bytes picks a slot of an open-addressing table (Int32Array, linear
 * probing, no boxed keys), the bytes are compared, and the same `TagInfo` object comes back for every
 * record of that tag.
 */
export class TagCache {
  private table = new Int32Array(256);
  private readonly infos: TagInfo[] = [];
  private readonly hashes: number[] = [];

  /** Number of distinct tags seen. */
  get size(): number {
    return this.infos.length;
  }

  /** The tag with this `slot` (the caller got the slot from this cache). */
  at(slot: number): TagInfo {
    return this.infos[slot]!;
  }

  /** The tag whose UTF-8 bytes are `buf[start, end)`; `view` covers `buf`. */
  lookup(buf: Uint8Array, view: DataView, start: number, end: number): TagInfo {
    const hash = hashBytes(buf, view, start, end);
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = table[slot]!;
      if (index === 0) return this.insert(buf, start, end, hash, slot);
      const info = this.infos[index - 1]!;
      if (sameBytes(info, buf, view, start, end)) return info;
    }
  }

  private insert(buf: Uint8Array, start: number, end: number, hash: number, slot: number): TagInfo {
    const name = utf8.decode(buf.subarray(start, end));
    const bytes = buf.slice(start, end);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const info: TagInfo = { name, slot: this.infos.length, plugin: undefined, stepUnit: stepUnitOf(name), reported: false, lastStep: Number.NaN, repeats: 0, repeatedIn: undefined, bytes, view, append: undefined, points: undefined, pointLimit: 0 };
    this.infos.push(info);
    this.hashes.push(hash);
    this.table[slot] = this.infos.length;
    if (this.infos.length * 2 > this.table.length) this.grow();
    return info;
  }

  /** Doubles the table and re-inserts every tag (keeps the load factor under 1/2). */
  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.hashes.forEach((hash, i) => {
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    });
    this.table = table;
  }
}

const WORD = 4;
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x9e3779b1;
const MIX_PRIME = 0x85ebca6b;

/**
 * Hashes four bytes per step (one multiply per word instead of per byte), then avalanches so the
 * low bits that pick the slot depend on every byte. Equality is always checked on the bytes.
 */
function hashBytes(buf: Uint8Array, view: DataView, start: number, end: number): number {
  let h = HASH_SEED ^ (end - start);
  let i = start;
  for (; i + WORD <= end; i += WORD) h = Math.imul(h ^ view.getInt32(i, true), HASH_PRIME);
  for (; i < end; i++) h = Math.imul(h ^ buf[i]!, HASH_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, MIX_PRIME);
  return h ^ (h >>> 13);
}

function sameBytes(info: TagInfo, buf: Uint8Array, view: DataView, start: number, end: number): boolean {
  const n = end - start;
  if (info.bytes.length !== n) return false;
  const own = info.view;
  let i = 0;
  for (; i + WORD <= n; i += WORD) if (own.getInt32(i, true) !== view.getInt32(start + i, true)) return false;
  for (; i < n; i++) if (info.bytes[i] !== buf[start + i]) return false;
  return true;
}
