/**
 * First capacity of a series (points); columns double from there. Small, because a log can hold
 * hundreds of thousands of tags with a point or two each (an 8 MB JSON of 400,000 keys: 5.9 s with
 * 64, 3.2 s with 8, mostly garbage collection); a long series pays three more doublings.
 */
const INITIAL_CAPACITY = 8;
/**
 * `finish()` hands out views of the store's own buffers (no copy) when at most this share of each
 * buffer is unused; otherwise it copies exactly `length` values so the big buffer can be freed.
 * With doubling growth a full-ish series wastes < 25 % and saves copying (and briefly doubling) it.
 */
const MAX_SHARED_WASTE = 0.25;

/**
 * `appendBlock` copies blocks up to this many points with a loop: three `subarray` views per block
 * cost more than the copy when a file has a thousand tags and a kernel call finds a point or two of each.
 */
const SMALL_BLOCK = 16;

/** The finished columns of one series. */
export interface PointColumns {
  steps: Float64Array;
  values: Float64Array;
  /** Undefined when no point had a wall time. */
  wallTimes: Float64Array | undefined;
}

/**
 * The points of one series: steps, values and (from the first point that has one) wall times, in
 * Float64 columns under ONE length and capacity, so a point costs one capacity check. Avoids boxing
 * millions of points in JS arrays.
 */
export class SeriesPoints {
  private steps = new Float64Array(INITIAL_CAPACITY);
  private values = new Float64Array(INITIAL_CAPACITY);
  /** NaN before the first point that had a wall time; undefined while no point had one. */
  private wallTimes: Float64Array | undefined = undefined;
  length = 0;
  /** Step of the last point (NaN when none): the restart check without reading a column. */
  lastStep = Number.NaN;
  /** Most points the columns ever held (`truncate` drops points whose values stay behind). */
  private written = 0;

  push(step: number, value: number, wallTime: number | undefined): void {
    const i = this.length;
    if (i === this.steps.length) this.grow();
    if (wallTime !== undefined && this.wallTimes === undefined) this.startWallTimes();
    this.steps[i] = step;
    this.values[i] = value;
    const wallTimes = this.wallTimes;
    if (wallTimes !== undefined) wallTimes[i] = wallTime ?? Number.NaN;
    this.length = i + 1;
    this.lastStep = step;
  }

  /**
   * The in-order hot path for readers that check the restart rule and the point limit themselves:
   * appends and returns true when the point fits the current capacity and the wall-time column
   * already exists; returns false (nothing written) otherwise, and the caller takes `push`.
   * Small on purpose, so V8 inlines it and the doubles are never boxed.
   */
  tryPush(step: number, value: number, wallTime: number): boolean {
    const i = this.length;
    const wallTimes = this.wallTimes;
    if (i === this.steps.length || wallTimes === undefined) return false;
    this.steps[i] = step;
    this.values[i] = value;
    wallTimes[i] = wallTime;
    this.length = i + 1;
    this.lastStep = step;
    return true;
  }

  /** Points the columns hold before they must grow. */
  get capacity(): number {
    return this.steps.length;
  }

  /** Grows the columns to exactly `capacity` points when they are smaller (one copy instead of several doublings). */
  reserve(capacity: number): void {
    if (capacity <= this.steps.length) return;
    this.steps = grown(this.steps, capacity);
    this.values = grown(this.values, capacity);
    if (this.wallTimes !== undefined) this.wallTimes = grown(this.wallTimes, capacity);
  }

  /** True once a point had a wall time (the wall-time column exists). */
  get hasWallTimes(): boolean {
    return this.wallTimes !== undefined;
  }

  /**
   * Appends `count` points taken from columns at `from`: the same as `count` calls of `push` with
   * those wall times (NaN included), for readers that checked the restart rule and the point limit
   * for the whole block. Requires `hasWallTimes`.
   */
  appendBlock(steps: Float64Array, values: Float64Array, wallTimes: Float64Array, from: number, count: number): void {
    if (count <= 0 || this.wallTimes === undefined) return;
    const start = this.length;
    while (start + count > this.steps.length) this.grow();
    if (count <= SMALL_BLOCK) {
      const s = this.steps;
      const v = this.values;
      const w = this.wallTimes!;
      for (let i = 0; i < count; i++) {
        s[start + i] = steps[from + i]!;
        v[start + i] = values[from + i]!;
        w[start + i] = wallTimes[from + i]!;
      }
    } else {
      this.steps.set(steps.subarray(from, from + count), start);
      this.values.set(values.subarray(from, from + count), start);
      this.wallTimes!.set(wallTimes.subarray(from, from + count), start);
    }
    this.length = start + count;
    this.lastStep = steps[from + count - 1]!;
  }

  /** Step of point `index` (NaN outside the points). */
  stepAt(index: number): number {
    return index < this.length ? (this.steps[index] ?? Number.NaN) : Number.NaN;
  }

  /** Keeps only the first `length` points. */
  truncate(length: number): void {
    if (length >= this.length) return;
    this.written = Math.max(this.written, this.length);
    this.length = Math.max(0, length);
    this.lastStep = this.stepAt(this.length - 1);
  }

  /** The columns; nothing may be pushed afterwards (they may share this store's buffers). */
  finish(): PointColumns {
    const n = this.length;
    const dirty = Math.max(this.written, n);
    const wallTimes = this.wallTimes;
    return { steps: trimmed(this.steps, n, dirty), values: trimmed(this.values, n, dirty), wallTimes: wallTimes === undefined ? undefined : trimmed(wallTimes, n, dirty) };
  }

  private grow(): void {
    const capacity = this.steps.length * 2;
    this.steps = grown(this.steps, capacity);
    this.values = grown(this.values, capacity);
    if (this.wallTimes !== undefined) this.wallTimes = grown(this.wallTimes, capacity);
  }

  private startWallTimes(): void {
    this.wallTimes = new Float64Array(this.steps.length).fill(Number.NaN, 0, this.length);
  }
}

/**
 * A zeroed column of `capacity` holding `column`'s values. Zeroed allocation (calloc) is free for a
 * large column, whose pages come fresh from the system: a reserved tail that is never written is
 * never touched either (with `Buffer.allocUnsafeSlow` and a zero fill at `finish`, a 7 % projection
 * margin cost 10,000 more page faults per read of the benchmark file).
 */
function grown(column: Float64Array, capacity: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(capacity);
  next.set(column);
  return next;
}

/** The first `length` values: a view of the column, or a copy when a view would waste too much. Values of dropped points between `length` and `dirty` are zeroed first. */
function trimmed(column: Float64Array, length: number, dirty: number): Float64Array {
  const waste = column.length - length;
  if (waste > column.length * MAX_SHARED_WASTE) return column.slice(0, length);
  if (dirty > length) column.fill(0, length, dirty); // nothing stale behind the view
  return column.subarray(0, length);
}
