import type { Series, StepUnit } from "../domain/series.js";
import type { Issue } from "../domain/issue.js";
import { classifyTag, type TagContext } from "./roles.js";

/** First capacity of a column (points). */
const INITIAL_CAPACITY = 64;
/**
 * `toArray()` hands out a view of the column's own buffer (no copy) when at most this share of the
 * buffer would be wasted; otherwise it copies exactly `length` values so the big buffer can be freed.
 * With doubling growth a full-ish column wastes < 25 % and saves copying (and briefly doubling) it.
 */
const MAX_SHARED_WASTE = 0.25;

/** Growable column of doubles; avoids boxing millions of points in JS arrays. */
class Column {
  private buffer = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  private grow(): void {
    const next = new Float64Array(this.buffer.length * 2);
    next.set(this.buffer);
    this.buffer = next;
  }

  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  at(index: number): number {
    return this.buffer[index] ?? Number.NaN;
  }

  /** The values; the column must not be pushed to afterwards (the result may share its buffer). */
  toArray(): Float64Array {
    const waste = this.buffer.length - this.length;
    if (waste <= this.buffer.length * MAX_SHARED_WASTE) return this.buffer.subarray(0, this.length);
    return this.buffer.slice(0, this.length);
  }
}

interface Pending {
  steps: Column;
  values: Column;
  wallTimes: Column;
  hasWallTime: boolean;
  context: TagContext;
  stepUnit: StepUnit;
  dropped: number;
  /** Step of the last kept point (NaN when none): the restart check without reading the column. */
  lastStep: number;
}

const NO_CONTEXT: TagContext = Object.freeze({});

/** How a step that goes backwards is handled. */
export type RestartPolicy =
  /** TensorBoard: a step going back drops the later points of that tag (a restarted run). */
  | "purge"
  /** Keep every point and sort by step at the end (stable). */
  | "sort";

/** Appends one point to one series (see `SeriesBuilder.channel`); `wallTime` in seconds since the epoch. */
export type SeriesAppender = (step: number, value: number, wallTime?: number) => void;

export interface SeriesBuilderOptions {
  maxPointsPerSeries: number;
  restartPolicy: RestartPolicy;
  /** Location reported in issues. */
  file: string;
}

/**
 * Collects points per tag in arrival order and produces domain `Series`. Never throws; exceeding
 * `maxPointsPerSeries` drops the extra points and records one issue per tag.
 */
export class SeriesBuilder {
  private readonly pending = new Map<string, Pending>();
  private purged = 0;
  private readonly purge: boolean;
  private readonly maxPoints: number;

  constructor(private readonly options: SeriesBuilderOptions) {
    this.purge = options.restartPolicy === "purge";
    this.maxPoints = options.maxPointsPerSeries;
  }

  /** Adds a point; `wallTime` in seconds since the epoch when known. */
  add(tag: string, step: number, value: number, wallTime?: number, context: TagContext = NO_CONTEXT, stepUnit: StepUnit = "step"): void {
    this.append(this.entry(tag, context, stepUnit), step, value, wallTime);
  }

  /**
   * A fast appender for one tag (hot loops: one call per cell without a map lookup). The tag is
   * registered on first use of the appender, so unused channels create no series. After
   * `discard(tag)` an existing channel of that tag writes nowhere.
   */
  channel(tag: string, context: TagContext = NO_CONTEXT, stepUnit: StepUnit = "step"): SeriesAppender {
    let entry: Pending | undefined;
    return (step, value, wallTime) => {
      entry ??= this.entry(tag, context, stepUnit);
      this.append(entry, step, value, wallTime);
    };
  }

  private entry(tag: string, context: TagContext, stepUnit: StepUnit): Pending {
    let entry = this.pending.get(tag);
    if (entry === undefined) {
      entry = { steps: new Column(), values: new Column(), wallTimes: new Column(), hasWallTime: false, context, stepUnit, dropped: 0, lastStep: Number.NaN };
      this.pending.set(tag, entry);
    }
    return entry;
  }

  /** The hot path: small enough for V8 to inline into callers (rare cases live in their own methods). */
  private append(entry: Pending, step: number, value: number, wallTime: number | undefined): void {
    // NaN `lastStep` (no point yet) never compares <=, like a NaN step.
    if (step <= entry.lastStep && this.purge) this.purgeFrom(entry, step);
    if (entry.steps.length >= this.maxPoints) return void entry.dropped++;
    if (wallTime !== undefined && !entry.hasWallTime) startWallTimes(entry);
    entry.steps.push(step);
    entry.values.push(value);
    entry.lastStep = step;
    if (entry.hasWallTime) entry.wallTimes.push(wallTime ?? Number.NaN);
  }

  /** Forgets a tag entirely (e.g. a CSV column that turned out to hold text). */
  discard(tag: string): void {
    this.pending.delete(tag);
  }

  /** Tags seen so far, in first-seen order. */
  get tags(): string[] {
    return [...this.pending.keys()];
  }

  /** Number of points discarded because a step went back (restarts). */
  get purgedPoints(): number {
    return this.purged;
  }

  private purgeFrom(entry: Pending, step: number): void {
    let keep = entry.steps.length;
    while (keep > 0 && entry.steps.at(keep - 1) >= step) keep--;
    this.purged += entry.steps.length - keep;
    entry.steps.truncate(keep);
    entry.values.truncate(keep);
    entry.wallTimes.truncate(keep);
    entry.lastStep = keep > 0 ? entry.steps.at(keep - 1) : Number.NaN;
  }

  /** Finished series (in first-seen tag order) plus issues about dropped points. */
  build(): { series: Series[]; issues: Issue[] } {
    const series: Series[] = [];
    const issues: Issue[] = [];
    for (const [tag, entry] of this.pending) {
      if (entry.dropped > 0) {
        issues.push({
          code: "series-point-limit",
          severity: "warning",
          message: `Series '${tag}' has more than ${this.options.maxPointsPerSeries} points; ${entry.dropped} later points were not read. Raise the points-per-series limit to read them.`,
          location: { file: this.options.file },
        });
      }
      series.push(this.finish(tag, entry));
    }
    return { series, issues };
  }

  private finish(tag: string, entry: Pending): Series {
    const { role, direction } = classifyTag(tag, entry.context);
    let steps = entry.steps.toArray();
    let values = entry.values.toArray();
    let wallTimes = entry.hasWallTime ? entry.wallTimes.toArray() : undefined;
    if (this.options.restartPolicy === "sort" && !isSorted(steps)) {
      const order = Array.from(steps.keys()).sort((a, b) => (steps[a] ?? 0) - (steps[b] ?? 0) || a - b);
      steps = Float64Array.from(order, (i) => steps[i] ?? Number.NaN);
      values = Float64Array.from(order, (i) => values[i] ?? Number.NaN);
      if (wallTimes !== undefined) {
        const w = wallTimes;
        wallTimes = Float64Array.from(order, (i) => w[i] ?? Number.NaN);
      }
    }
    const result: Series = { tag, role, direction, stepUnit: entry.stepUnit, steps, values };
    if (wallTimes !== undefined) result.wallTimes = wallTimes;
    return result;
  }
}

/** The first wall time of a series: earlier points get NaN. */
function startWallTimes(entry: Pending): void {
  entry.hasWallTime = true;
  for (let i = 0; i < entry.steps.length; i++) entry.wallTimes.push(Number.NaN);
}

function isSorted(steps: Float64Array): boolean {
  for (let i = 1; i < steps.length; i++) if ((steps[i] ?? 0) < (steps[i - 1] ?? 0)) return false;
  return true;
}
