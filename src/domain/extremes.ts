/**
 * Largest and smallest of any number of values. `Math.max(...values)` passes every value as an
 * argument and throws a RangeError past about 100,000 of them (a log with that many series, a
 * dataset with that many labels); these loop instead. Same results as `Math.max`/`Math.min`: NaN
 * when any value is NaN, -Infinity/Infinity when there are none.
 */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > max) max = v;
  }
  return max;
}

export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v < min) min = v;
  }
  return min;
}
