import { mad } from "./mad.js";
import { median } from "./median.js";

/** How strongly a series repeats the same shape every `period` points. */
export interface PeriodicProfile {
  /** Whole cycles analysed (the remainder after the last whole cycle is ignored). */
  cycles: number;
  /** Median detrended value at each phase 0..period−1. */
  profile: Float64Array;
  /** 1 − (MAD after removing the profile ÷ MAD before)²: the share of the spread the phase explains. */
  explained: number;
  /** Pearson correlation of the phase profiles of even and odd cycles (does the pattern repeat?). */
  repeatCorrelation: number;
}

/**
 * Residual of the first `cycles` × `period` values against a robust trend: the median of every whole
 * cycle, placed at the cycle's centre and linearly interpolated (held flat before the first and after
 * the last centre). A whole-cycle median shifts every cycle by the same amount of a stable periodic
 * pattern, so the pattern stays in the residual while single outliers do not move the trend. O(n).
 */
export function detrendByPeriod(values: Float64Array, period: number, cycles: number): Float64Array {
  const centres = new Float64Array(cycles);
  for (let k = 0; k < cycles; k++) centres[k] = median(values, k * period, (k + 1) * period);
  const out = new Float64Array(cycles * period);
  const mid = (period - 1) / 2;
  for (let i = 0; i < out.length; i++) {
    const x = (i - mid) / period;
    const k = Math.min(Math.max(Math.floor(x), 0), cycles - 1);
    const next = Math.min(k + 1, cycles - 1);
    const t = Math.min(Math.max(x - k, 0), 1);
    const trend = (centres[k] as number) + t * ((centres[next] as number) - (centres[k] as number));
    out[i] = (values[i] as number) - trend;
  }
  return out;
}

/** Median over cycles `first, first + stride, …` of the residual at every phase. */
function phaseMedians(residual: Float64Array, period: number, cycles: number, first: number, stride: number): Float64Array {
  const profile = new Float64Array(period);
  const column = new Float64Array(Math.ceil((cycles - first) / stride));
  for (let phase = 0; phase < period; phase++) {
    let m = 0;
    for (let k = first; k < cycles; k += stride) column[m++] = residual[k * period + phase] as number;
    profile[phase] = median(column, 0, m);
  }
  return profile;
}

function pearson(a: Float64Array, b: Float64Array): number {
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
 * Folds `values` (already on a scale where the pattern is additive, e.g. log loss) at `period`:
 * detrend by interpolated whole-cycle medians, take the median residual per phase, and measure how much of
 * the robust spread that profile explains and whether even and odd cycles agree. O(n).
 * Needs at least 2 cycles; returns null otherwise.
 */
export function periodicProfile(values: Float64Array, period: number): PeriodicProfile | null {
  const cycles = Math.floor(values.length / period);
  if (period < 2 || cycles < 2) return null;
  const residual = detrendByPeriod(values, period, cycles);
  const profile = phaseMedians(residual, period, cycles, 0, 1);
  const rest = new Float64Array(residual.length);
  for (let i = 0; i < residual.length; i++) rest[i] = (residual[i] as number) - (profile[i % period] as number);
  const before = mad(residual);
  const after = mad(rest);
  const explained = before > 0 ? 1 - (after / before) ** 2 : 0;
  const repeatCorrelation = pearson(phaseMedians(residual, period, cycles, 0, 2), phaseMedians(residual, period, cycles, 1, 2));
  return { cycles, profile, explained, repeatCorrelation };
}
