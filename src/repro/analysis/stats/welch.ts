import { studentTUpperTail } from "./special.js";

export interface Summary {
  n: number;
  mean: number;
  /** Sample variance (n − 1); 0 when n < 2. */
  variance: number;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  const mean = n === 0 ? NaN : values.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

export interface WelchResult {
  t: number;
  df: number;
  /** One-sided p-value for H1: mean(a) > mean(b). */
  pValue: number;
}

/**
 * One-sided Welch t-test of H1 mean(a) > mean(b) (unequal variances, Welch–Satterthwaite df).
 * When both samples have zero variance the test degenerates: p is 0 if mean(a) > mean(b), 1 if
 * smaller and 0.5 if equal (identical constant samples carry no evidence either way).
 */
export function welchTTestGreater(a: readonly number[], b: readonly number[]): WelchResult {
  const sa = summarize(a);
  const sb = summarize(b);
  const va = sa.variance / sa.n;
  const vb = sb.variance / sb.n;
  const diff = sa.mean - sb.mean;
  const se = Math.sqrt(va + vb);
  if (sa.n < 2 || sb.n < 2) return { t: NaN, df: NaN, pValue: NaN };
  if (se === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: sa.n + sb.n - 2, pValue: diff > 0 ? 0 : diff < 0 ? 1 : 0.5 };
  const df = (va + vb) ** 2 / ((va * va) / (sa.n - 1) + (vb * vb) / (sb.n - 1));
  const t = diff / se;
  return { t, df, pValue: studentTUpperTail(t, df) };
}

/**
 * Hedges' g of a − b (pooled-SD standardised mean difference with small-sample correction).
 * Infinity-signed when both samples are constant and differ; 0 when equal.
 */
export function hedgesG(a: readonly number[], b: readonly number[]): number {
  const sa = summarize(a);
  const sb = summarize(b);
  const df = sa.n + sb.n - 2;
  const diff = sa.mean - sb.mean;
  if (df < 1) return NaN;
  const pooled = Math.sqrt(((sa.n - 1) * sa.variance + (sb.n - 1) * sb.variance) / df);
  if (pooled === 0) return diff === 0 ? 0 : Math.sign(diff) * Infinity;
  const correction = 1 - 3 / (4 * df - 1);
  return (diff / pooled) * correction;
}
