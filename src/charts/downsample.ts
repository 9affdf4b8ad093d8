import { isFiniteValue } from "./finite.js";
/** Defaults for {@link downsampleIndices}. */
export const DOWNSAMPLE_DEFAULTS = {
  /** Points kept per series: enough for a 1280 px wide PNG (two per pixel column pair). */
  pointBudget: 1500,
} as const;

export interface DownsampleOptions {
  /** Most points returned (default {@link DOWNSAMPLE_DEFAULTS.pointBudget}); at least 4 are always allowed. */
  pointBudget?: number;
  /** Steps that must survive (finding locations); the first finite point at or after each is kept. */
  keepSteps?: readonly number[];
}

/**
 * Picks which points of a series to draw: min/max buckets (the M4 idea without first/last per
 * bucket), deterministic, so a 1M-point series becomes ≤ `pointBudget` points that still show every
 * spike. Always keeps the first and last finite point, the global minimum and maximum, and the points
 * at `keepSteps`. Non-finite values are never selected (vega-lite cannot draw them; callers mark them
 * separately). `steps` must be non-decreasing (the `Series` invariant).
 *
 * @returns indices into `values`, strictly increasing.
 */
export function downsampleIndices(steps: ArrayLike<number>, values: ArrayLike<number>, options: DownsampleOptions = {}): number[] {
  const budget = Math.max(4, Math.floor(options.pointBudget ?? DOWNSAMPLE_DEFAULTS.pointBudget));
  const finite = countFinite(values);
  if (finite <= budget) return allFinite(values);
  const reserved = reservedIndices(steps, values, options.keepSteps ?? []);
  const buckets = Math.max(1, Math.floor((budget - reserved.size) / 2));
  const chosen = new Set(reserved);
  const n = values.length;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    const [lo, hi] = extremaIn(values, start, end);
    if (lo >= 0) chosen.add(lo);
    if (hi >= 0) chosen.add(hi);
  }
  return [...chosen].sort((a, b) => a - b);
}

function countFinite(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (isFiniteValue(values[i])) count++;
  return count;
}

function allFinite(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (isFiniteValue(values[i])) out.push(i);
  return out;
}

/** Indices of the min and max finite value in [start, end), or -1 when the range has none. */
function extremaIn(values: ArrayLike<number>, start: number, end: number): [number, number] {
  let lo = -1;
  let hi = -1;
  for (let i = start; i < end; i++) {
    const v = values[i] ?? Number.NaN;
    if (!isFiniteValue(v)) continue;
    if (lo < 0 || v < (values[lo] ?? v)) lo = i;
    if (hi < 0 || v > (values[hi] ?? v)) hi = i;
  }
  return [lo, hi];
}

function reservedIndices(steps: ArrayLike<number>, values: ArrayLike<number>, keepSteps: readonly number[]): Set<number> {
  const out = new Set<number>();
  const [lo, hi] = extremaIn(values, 0, values.length);
  if (lo >= 0) out.add(lo);
  if (hi >= 0) out.add(hi);
  const first = nextFinite(values, 0);
  if (first >= 0) out.add(first);
  for (let i = values.length - 1; i >= 0; i--) {
    if (isFiniteValue(values[i])) {
      out.add(i);
      break;
    }
  }
  for (const step of keepSteps) {
    const index = nextFinite(values, lowerBound(steps, step));
    if (index >= 0) out.add(index);
  }
  return out;
}

function nextFinite(values: ArrayLike<number>, from: number): number {
  for (let i = from; i < values.length; i++) if (isFiniteValue(values[i])) return i;
  return -1;
}

/** First index whose step is ≥ `step` (binary search over non-decreasing steps). */
export function lowerBound(steps: ArrayLike<number>, step: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid] ?? Number.POSITIVE_INFINITY) < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
