/**
 * Catalogue of the detectors' user-facing sentences: one builder per detector id, short, with the
 * numbers that matter. Tests compare findings against these builders, never against inline English.
 */

/** 3 significant digits, exponent form for very small or large magnitudes. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** A ratio as a whole percentage: 0.384 → "38 %". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** Relative rises read as percentages up to +100 %, then as multiples of the reference ("115×"). */
export function formatRise(rise: number): string {
  return rise <= 1 ? `${formatPercent(rise)} above` : `${formatValue(1 + rise)}×`;
}

/** "250 steps" or "3 epochs": a length of the run. */
export function formatSpan(length: number, unit: "step" | "epoch"): string {
  return `${formatValue(length)} ${unit}${length === 1 ? "" : "s"}`;
}

/** "step 1200" or "epoch 12". */
export function formatStep(step: number, unit: "step" | "epoch"): string {
  return `${unit} ${formatValue(step)}`;
}

export const DETECTOR_MESSAGES = {
  "non-finite": (p: { series: string; kind: "nan" | "inf"; at: string; position: number; lastFinite: number | null }): string =>
    `${p.series} becomes ${p.kind === "nan" ? "NaN" : "Inf"} at ${p.at} (${formatPercent(p.position)} into the run)` +
    (p.lastFinite === null ? "; it is never finite before" : `; last finite value ${formatValue(p.lastFinite)}`),
  "never-finite": (p: { series: string; kind: "nan" | "inf"; points: number }): string =>
    `${p.series} is ${p.kind === "nan" ? "NaN" : "Inf"} at all ${p.points} logged points while the training loss stays finite: ` +
    "the metric is not being computed (an evaluation or logging problem), not a training blow-up",
  divergenceExplosive: (p: { series: string; ratio: number; at: string }): string =>
    `${p.series} explodes ${formatValue(p.ratio)}× above its starting level at ${p.at}`,
  divergenceEarly: (p: { series: string; ratio: number; at: string }): string =>
    `${p.series} at ${p.at} is ${formatValue(p.ratio)}× its validation value: training blew up inside the first epoch`,
  divergenceTrend: (p: { series: string; rise: number; at: string }): string =>
    `${p.series} trends up: ${formatRise(p.rise)} its best since ${p.at}`,
  oscillation: (p: { series: string; amplitude: number; swings: number }): string =>
    `${p.series} swings ±${formatPercent(p.amplitude)} around its trend (${p.swings} reversals)`,
  epochSawtooth: (p: { series: string; period: number; cycles: number; amplitude: number; explained: number; searched: boolean }): string =>
    `${p.series} repeats the same ${p.searched ? "pattern" : "within-epoch pattern"} every ${p.period} steps for ${p.cycles} ${p.searched ? "cycles" : "epochs"} ` +
    `(±${formatPercent(p.amplitude)}, ${formatPercent(p.explained)} of its step-to-step spread): the batches come in the same order every epoch`,
  lossJump: (p: {
    series: string; before: number; peak: number; after: number; at: string; threshold: number; span: string | null; recoveredAt: string | null;
    lrRaised: boolean; lrRestart: { from: number; to: number } | null;
  }): string =>
    `${p.series} jumped from ${formatValue(p.before)} to ${formatValue(p.peak)} at ${p.at} and stayed above ${formatValue(p.threshold)} ` +
    (p.span === null ? "to the end of the run" : `for ${p.span}`) +
    (p.recoveredAt === null ? `; it never came back to ${formatValue(p.before)}` : `; back near ${formatValue(p.before)} at ${p.recoveredAt}`) +
    (p.lrRaised ? " — the learning rate went up there too (a warm restart of the schedule)" : "") +
    (p.lrRestart === null ? "" : ` — at the same step the learning rate went back up from ${formatValue(p.lrRestart.from)} to ${formatValue(p.lrRestart.to)}: the schedule started over`),
  spikes: (p: { series: string; count: number; height: number; at: string }): string =>
    p.count === 1
      ? `${p.series} has 1 isolated spike: ${formatValue(p.height)}× its local level at ${p.at}`
      : `${p.series} has ${p.count} isolated spikes; the sharpest is ${formatValue(p.height)}× its local level at ${p.at}`,
  plateau: (p: { series: string; level: number; from: string; chance: string | null }): string =>
    `${p.series} is flat at ${formatValue(p.level)} since ${p.from}` + (p.chance === null ? "" : ` — chance level ${p.chance}`),
  slowConvergence: (p: { series: string; share: number }): string =>
    `${p.series} is still falling steadily: ${formatPercent(p.share)} of its progress came in the last quarter of the run`,
  overfitting: (p: { val: string; train: string; increase: number; at: string }): string =>
    `${p.val} rises ${formatPercent(p.increase)} from its best at ${p.at} while ${p.train} keeps falling`,
  valBelowTrain: (p: { val: string; train: string; fraction: number; gap: number }): string =>
    `${p.val} is below ${p.train} for ${formatPercent(p.fraction)} of the run (by ${formatPercent(p.gap)} on average)`,
  noisy: (p: { series: string; ratio: number }): string =>
    `${p.series} is noisy: step-to-step noise is ${formatPercent(p.ratio)} of its level`,
  metricStuck: (p: { series: string; level: number; chance: string }): string =>
    `${p.series} is stuck at ${formatValue(p.level)}, chance level for ${p.chance}`,
} as const;
