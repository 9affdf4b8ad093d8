import type { Series, StepUnit } from "../domain/series.js";
import type { Issue } from "../domain/issue.js";
import { classifyTag, type TagContext } from "./roles.js";
import { SeriesPoints } from "./series-points.js";

interface Pending {
  points: SeriesPoints;
  context: TagContext;
  stepUnit: StepUnit;
  dropped: number;
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

  /**
   * The point store of `tag` (registered now), for hot readers that append in order themselves with
   * `SeriesPoints.tryPush`. They may only do so for a step above the tag's last step and while the
   * store holds fewer than `maxPointsPerSeries` points; anything else goes through `add`/`channel`,
   * which apply the restart policy and count dropped points.
   */
  store(tag: string, context: TagContext = NO_CONTEXT, stepUnit: StepUnit = "step"): SeriesPoints {
    return this.entry(tag, context, stepUnit).points;
  }

  /** The points-per-series limit. */
  get maxPointsPerSeries(): number {
    return this.maxPoints;
  }

  private entry(tag: string, context: TagContext, stepUnit: StepUnit): Pending {
    let entry = this.pending.get(tag);
    if (entry === undefined) {
      entry = { points: new SeriesPoints(), context, stepUnit, dropped: 0 };
      this.pending.set(tag, entry);
    }
    return entry;
  }

  /** The hot path: small enough for V8 to inline into callers (rare cases live in their own methods). */
  private append(entry: Pending, step: number, value: number, wallTime: number | undefined): void {
    const points = entry.points;
    // NaN `lastStep` (no point yet) never compares <=, like a NaN step.
    if (step <= points.lastStep && this.purge) this.purgeFrom(entry, step);
    if (points.length >= this.maxPoints) return void entry.dropped++;
    points.push(step, value, wallTime);
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
    const points = entry.points;
    let keep = points.length;
    while (keep > 0 && points.stepAt(keep - 1) >= step) keep--;
    this.purged += points.length - keep;
    points.truncate(keep);
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
    let { steps, values, wallTimes } = entry.points.finish();
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

function isSorted(steps: Float64Array): boolean {
  for (let i = 1; i < steps.length; i++) if ((steps[i] ?? 0) < (steps[i - 1] ?? 0)) return false;
  return true;
}
