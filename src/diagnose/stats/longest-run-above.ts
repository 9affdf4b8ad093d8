/** The longest run of consecutive values at or above `threshold`, as [from, to); {0, 0} when none. First one wins ties. */
export function longestRunAbove(values: ArrayLike<number>, threshold: number): { from: number; to: number } {
  let best = { from: 0, to: 0 };
  let from = -1;
  for (let i = 0; i <= values.length; i++) {
    const above = i < values.length && (values[i] ?? 0) >= threshold;
    if (above && from === -1) from = i;
    if (!above && from !== -1) {
      if (i - from > best.to - best.from) best = { from, to: i };
      from = -1;
    }
  }
  return best;
}
