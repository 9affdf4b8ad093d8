import { mad } from "./mad.js";
import { median } from "./median.js";

/** How strongly a series repeats the same shape every `period` points. */
export interface PeriodicProfile {
  /** Whole cycles in the series (the remainder after the last whole cycle is ignored). */
  cycles: number;
  /** Median detrended value at each sampled phase (every `phaseStride`-th point of a cycle). */
  profile: Float64Array;
  phaseStride: number;
  /** 1 − (MAD after removing the profile ÷ MAD before)²: the share of the spread the phase explains. */
  explained: number;
  /** Pearson correlation of the phase profiles of even and odd (sampled) cycles: does the pattern repeat? */
  repeatCorrelation: number;
}

/** Work limits: at most `maxPhases` phases × `maxCycles` cycles are sampled, so the cost is bounded. */
export interface FoldLimits {
  maxPhases: number;
  maxCycles: number;
}

export const DEFAULT_FOLD_LIMITS: FoldLimits = { maxPhases: 512, maxCycles: 256 };

/** Sampled view of a series cut into cycles: value(k, j) is point k·period + j·phaseStride. */
interface Grid {
  at: (i: number) => number;
  period: number;
  cycles: number;
  phaseStride: number;
  phases: number;
}

/** Median of cycle k over its sampled phases (memoised in `cache`, NaN = not yet computed). */
function cycleMedian(g: Grid, k: number, cache: Float64Array, scratch: Float64Array): number {
  const cached = cache[k] as number;
  if (!Number.isNaN(cached)) return cached;
  for (let j = 0; j < g.phases; j++) scratch[j] = g.at(k * g.period + j * g.phaseStride);
  const m = median(scratch, 0, g.phases);
  cache[k] = m;
  return m;
}

/**
 * Residuals of the sampled cycles (rows) at the sampled phases (columns) against a robust trend: the
 * median of every cycle placed at the cycle's centre and linearly interpolated between neighbouring
 * cycles (held flat outside the first and last centres). A stable periodic pattern shifts every
 * cycle's median equally, so it stays in the residual; the within-cycle part of the trend (a loss
 * that decays during an epoch) is removed by the interpolation; single outliers do not move medians.
 */
function residualGrid(g: Grid, sampled: Int32Array): Float64Array {
  const cache = new Float64Array(g.cycles).fill(Number.NaN);
  const scratch = new Float64Array(g.phases);
  const out = new Float64Array(sampled.length * g.phases);
  const mid = (g.period - 1) / 2;
  for (let c = 0; c < sampled.length; c++) {
    const k = sampled[c] as number;
    const here = cycleMedian(g, k, cache, scratch);
    const before = k > 0 ? cycleMedian(g, k - 1, cache, scratch) : here;
    const after = k + 1 < g.cycles ? cycleMedian(g, k + 1, cache, scratch) : here;
    for (let j = 0; j < g.phases; j++) {
      const offset = (j * g.phaseStride - mid) / g.period; // −0.5..0.5 around the centre
      const trend = offset < 0 ? here + offset * (here - before) : here + offset * (after - here);
      out[c * g.phases + j] = g.at(k * g.period + j * g.phaseStride) - trend;
    }
  }
  return out;
}

/** Median over rows `first, first + stride, …` of every column. */
function columnMedians(grid: Float64Array, rows: number, columns: number, first: number, stride: number): Float64Array {
  const profile = new Float64Array(columns);
  const column = new Float64Array(Math.ceil(rows / stride));
  for (let j = 0; j < columns; j++) {
    let m = 0;
    for (let r = first; r < rows; r += stride) column[m++] = grid[r * columns + j] as number;
    profile[j] = median(column, 0, m);
  }
  return profile;
}

export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * Folds a series of `length` points, read through `at(i)` (already on a scale where the pattern is
 * additive, e.g. log loss), at `period`: detrend by interpolated cycle medians, take the median
 * residual per phase, and measure how much of the robust spread that profile explains and whether
 * even and odd cycles agree. Long series are sampled (≤ maxPhases evenly spaced phases of ≤ maxCycles
 * evenly spaced cycles), so the cost is O(min(n, maxPhases × maxCycles)). Null below 2 cycles.
 */
export function periodicProfile(at: (i: number) => number, length: number, period: number, limits: FoldLimits = DEFAULT_FOLD_LIMITS): PeriodicProfile | null {
  const cycles = Math.floor(length / period);
  if (period < 2 || cycles < 2) return null;
  const phaseStride = Math.max(1, Math.ceil(period / limits.maxPhases));
  const grid: Grid = { at, period, cycles, phaseStride, phases: Math.ceil(period / phaseStride) };
  const cycleStride = Math.max(1, Math.ceil(cycles / limits.maxCycles));
  const sampled = Int32Array.from({ length: Math.ceil(cycles / cycleStride) }, (_, c) => c * cycleStride);
  const residual = residualGrid(grid, sampled);
  const rows = sampled.length;
  const profile = columnMedians(residual, rows, grid.phases, 0, 1);
  const rest = new Float64Array(residual.length);
  for (let i = 0; i < residual.length; i++) rest[i] = (residual[i] as number) - (profile[i % grid.phases] as number);
  const before = mad(residual);
  const after = mad(rest);
  const explained = before > 0 ? 1 - (after / before) ** 2 : 0;
  const repeatCorrelation = rows >= 2 ? pearson(columnMedians(residual, rows, grid.phases, 0, 2), columnMedians(residual, rows, grid.phases, 1, 2)) : 0;
  return { cycles, profile, phaseStride, explained, repeatCorrelation };
}
