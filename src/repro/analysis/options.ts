/** Thresholds of the repro analysis (named, documented in docs/repro.md). */
export interface AnalysisOptions {
  /** Runs needed per arm (completed or symptomatic) before a verdict is given. Default: min(3, seeds). */
  minRuns?: number;
  /** Losses are compared in log space; larger or non-finite values count as this. Default 1e6. */
  lossCap: number;
  /** Smallest loss taken into the log. Default 1e-8. */
  lossFloor: number;
  /** `no-progress`: final training loss ≥ this fraction of the first epoch's loss. Default 0.9. */
  noProgressFraction: number;
  /** `unstable-steps`: median |Δ ln step loss| in the second half of training ≥ this. Default 0.1. */
  unstableStepNoise: number;
  /** `val-rising`: final val loss ≥ (1 + this) × best val loss. Default 0.1. */
  valRise: number;
  /** A one-sided p below alpha but above this is "inconclusive" rather than "not-confirmed". Default 0.2. */
  inconclusiveBelow: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: Readonly<AnalysisOptions> = {
  lossCap: 1e6,
  lossFloor: 1e-8,
  noProgressFraction: 0.9,
  unstableStepNoise: 0.1,
  valRise: 0.1,
  inconclusiveBelow: 0.2,
};
