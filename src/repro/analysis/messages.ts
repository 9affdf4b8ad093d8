/** User-facing sentences of the repro analysis (one builder per situation). */

const pct = (rate: number): string => `${Math.round(rate * 100)}%`;
const p = (value: number): string => (value < 0.001 ? "p < 0.001" : `p = ${value.toFixed(3)}`);

export const reproMessages = {
  tooFewRuns: (arm: string, usable: number, needed: number): string =>
    `only ${usable} of the ${needed} runs of ${arm} finished (failed or cut runs are listed below); fix the failure, or rerun with a larger time budget or fewer arms`,
  baselineHealthy: (metricLabel: string): string =>
    `the baseline never showed the symptom (${metricLabel}), so there is nothing for this change to fix`,
  confirmed: (metricLabel: string, pValue: number, base: number, arm: number): string =>
    `${metricLabel} improved (${p(pValue)}); symptom rate ${pct(base)} → ${pct(arm)}`,
  symptomPersists: (base: number, arm: number): string =>
    `the symptom rate did not drop (${pct(base)} → ${pct(arm)})`,
  trend: (metricLabel: string, pValue: number, seeds: number): string =>
    `${metricLabel} improved in the expected direction but not significantly (${p(pValue)}) with ${seeds} seeds; add seeds`,
  noImprovement: (metricLabel: string, pValue: number): string => `${metricLabel} did not improve (${p(pValue)})`,
};

export const METRIC_LABELS = {
  "final-loss": "final training loss",
  "final-val-loss": "final validation loss",
  "step-noise": "step-to-step loss noise",
  "generalization-gap": "validation/training loss gap",
} as const;
