/** Class counts whose chance-level loss ln(k) is common enough to guess from the curve alone. */
export const COMMON_CLASS_COUNTS: readonly number[] = [2, 10, 100, 1000];

/** A chance-level match: the loss level of uniform predictions over `classes` classes. */
export interface ChanceMatch {
  classes: number;
  /** ln(classes) for losses, 1/classes for accuracy. */
  level: number;
  /** True when the class count is known (not guessed). */
  known: boolean;
}

/**
 * The chance level a value sits at: ln(C) when C is known (within `tolerance`, relative), otherwise
 * the closest ln(k) for common k within the stricter `guessTolerance` below and `guessAbove` above.
 * Asymmetric because a network stuck on a constant output cannot beat the label entropy (≤ ln C)
 * but usually sits a little above it. `kind: "accuracy"` uses 1/C with absolute tolerances.
 */
export function matchChance(
  value: number,
  numClasses: number | undefined,
  tolerance: number,
  guessTolerance: number,
  kind: "loss" | "accuracy" = "loss",
  guessAbove = guessTolerance,
): ChanceMatch | null {
  const levelOf = (k: number): number => (kind === "loss" ? Math.log(k) : 1 / k);
  const offset = (level: number): number => (kind === "loss" ? (value - level) / level : value - level);
  if (numClasses !== undefined && numClasses >= 2) {
    const level = levelOf(numClasses);
    return Math.abs(offset(level)) <= tolerance ? { classes: numClasses, level, known: true } : null;
  }
  for (const k of COMMON_CLASS_COUNTS) {
    const level = levelOf(k);
    const d = offset(level);
    if (d >= -guessTolerance && d <= guessAbove) return { classes: k, level, known: false };
  }
  return null;
}
