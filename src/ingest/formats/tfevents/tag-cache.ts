import type { StepUnit } from "../../../domain/series.js";

/** What we remember about one tag of a run: its name and the plugin its first metadata named. */
export interface TagInfo {
  readonly name: string;
  /** `plugin_name` from the first value that carried metadata (TensorBoard sends it once per tag). */
  plugin: string | undefined;
  readonly stepUnit: StepUnit;
  /** Set once a problem with this tag was reported, so each tag is reported at most once. */
  reported: boolean;
  /** Step of the last scalar of this tag (NaN before the first), to tell restarts from re-logged steps. */
  lastStep: number;
  readonly bytes: Uint8Array;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Keras writes per-epoch summaries as `epoch_*` (and `evaluation_*_vs_iterations` per step). */
function stepUnitOf(tag: string): StepUnit {
  return /^epoch_/.test(tag) ? "epoch" : "step";
}

/**
 * Interns tag strings by their UTF-8 bytes so the hot loop never runs a TextDecoder for a tag it has
 * seen: an FNV-1a hash of the bytes picks a slot of an open-addressing table (Int32Array, linear
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

  lookup(buf: Uint8Array, start: number, end: number): TagInfo {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ buf[i]!, 0x01000193);
    const table = this.table;
    const mask = table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = table[slot]!;
      if (index === 0) return this.insert(buf, start, end, hash, slot);
      const info = this.infos[index - 1]!;
      if (sameBytes(info.bytes, buf, start, end)) return info;
    }
  }

  private insert(buf: Uint8Array, start: number, end: number, hash: number, slot: number): TagInfo {
    const name = utf8.decode(buf.subarray(start, end));
    const info: TagInfo = { name, plugin: undefined, stepUnit: stepUnitOf(name), reported: false, lastStep: Number.NaN, bytes: buf.slice(start, end) };
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

function sameBytes(a: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== buf[start + i]) return false;
  return true;
}
