import { logGamma } from "./special.js";

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * One-sided Fisher exact test on a 2×2 table: H1 the symptom is more frequent in group A
 * (`aHits` of `aTotal`) than in group B (`bHits` of `bTotal`). Sums the hypergeometric tail of
 * tables at least as extreme as the observed one.
 */
export function fisherExactGreater(aHits: number, aTotal: number, bHits: number, bTotal: number): number {
  const hits = aHits + bHits;
  const total = aTotal + bTotal;
  const denominator = logChoose(total, hits);
  let p = 0;
  for (let k = aHits; k <= Math.min(aTotal, hits); k++) {
    p += Math.exp(logChoose(aTotal, k) + logChoose(bTotal, hits - k) - denominator);
  }
  return Math.min(1, p);
}
