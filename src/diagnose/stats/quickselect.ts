/**
 * In-place quickselect (Hoare partition, median-of-three pivot) on `a[lo, hi]`: afterwards `a[k]`
 * holds the value a full sort would put there, smaller values before it, larger after. O(n)
 * expected. Inputs must be finite; callers filter NaN first.
 */
export function quickselect(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  let left = lo;
  let right = hi;
  while (right > left) {
    const mid = (left + right) >> 1;
    const x = a[left] as number;
    const y = a[mid] as number;
    const z = a[right] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = left;
    let j = right;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k] as number;
}
