/** Eight block heights, lowest first. */
const BLOCKS = "▁▂▃▄▅▆▇█";
/** Shown for a bucket holding only NaN/Inf. */
export const NON_FINITE_MARK = "×";
/** Use a log scale when positive values span more than this ratio (loss explosions). */
export const LOG_SCALE_RATIO = 100;

function bucketMeans(values: ArrayLike<number>, width: number): (number | null)[] {
  const buckets = Math.min(width, values.length);
  const out: (number | null)[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * values.length) / buckets);
    const to = Math.max(from + 1, Math.floor(((b + 1) * values.length) / buckets));
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    out.push(count === 0 ? null : sum / count);
  }
  return out;
}

/**
 * A unicode sparkline of at most `width` characters (bucket means). Log scale when all values are
 * positive and span more than LOG_SCALE_RATIO; non-finite buckets show NON_FINITE_MARK.
 */
export function sparkline(values: ArrayLike<number>, width: number): { line: string; logScale: boolean } {
  const means = bucketMeans(values, Math.max(1, width));
  const finite = means.filter((v): v is number => v !== null);
  if (finite.length === 0) return { line: NON_FINITE_MARK.repeat(means.length), logScale: false };
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const logScale = min > 0 && max / min > LOG_SCALE_RATIO;
  const f = (v: number): number => (logScale ? Math.log(v) : v);
  const lo = f(min);
  const span = f(max) - lo;
  const line = means
    .map((v) => (v === null ? NON_FINITE_MARK : BLOCKS[span <= 0 ? 3 : Math.min(7, Math.floor(((f(v) - lo) / span) * 8))]))
    .join("");
  return { line, logScale };
}
