/**
 * Largest and smallest of any number of values, NaN skipped. `Math.max(...values)` passes every value
 * as an argument and throws a RangeError past about 100,000 of them (a log with that many series, a
 * dataset with that many labels); these loop instead. -Infinity / Infinity when there is no value.
 */
export function maxOf(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

export function minOf(values: ArrayLike<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! < min) min = values[i]!;
  return min;
}
