/**
 * Named thresholds of every detector, with their defaults. Keys of DETECTOR_DEFAULTS are detector ids
 * (= config keys = docs anchors); users override single values through
 * `DetectOptions.thresholds[id][name]`. Every threshold is scale-free (a ratio, a fraction, a robust
 * z-score or a count) so the same defaults work for losses of 1e-4 and 1e5 and for 5 or 1M points.
 * docs/diagnostics/detectors.md documents each one.
 */

/** How every series is prepared before the detectors look at it (key `prepare`). */
export const PREPARE_DEFAULTS = {
  /** Shape detectors work on at most this many bucket medians (decimation keeps cost linear). */
  maxAnalysisPoints: 200,
  /** Rolling-median window (points) of the local trend used for residuals, spikes and noise. */
  trendWindow: 7,
  /** Up to this many points the local trend is an exact rolling median; above, chunk medians. */
  shortLimit: 4096,
  /** Chunk size (points) of the long-series local trend. */
  trendChunk: 16,
  /** Block size (points) over which the residual noise is estimated; also the sample size per block. */
  noiseBlock: 256,
  /** At most this many noise blocks: longer series use longer blocks, sampled at `noiseBlock` points. */
  maxNoiseBlocks: 1024,
  /** Smoothing window of the analysis series, as a fraction of its length (at least 3 points). */
  smoothFraction: 0.1,
  /** Fraction of the analysis series used to measure the start and end levels. */
  edgeFraction: 0.1,
};

export const NON_FINITE_DEFAULTS = {};

export const NEVER_FINITE_DEFAULTS = {};

export const DIVERGENCE_DEFAULTS = {
  /** Peak of the local trend ÷ start level at or above which the loss explodes. */
  explodeRatio: 10,
  /** The explosion must last this many consecutive points … */
  sustainPoints: 8,
  /** … or this fraction of the series, whichever is smaller (at least 2; 1 when NaN follows). */
  sustainFraction: 0.05,
  /** Early blow-up only when validation ends above this fraction of its first value (it never recovered). */
  minValRecovery: 0.5,
  /** First train value ÷ first val value (epoch logs) above which epoch 0 contained a blow-up. */
  earlyBlowupRatio: 10,
  /** Minimum Mann–Kendall z of the part after the best point for a sustained rise. */
  minTrendZ: 2.33,
  /** End level ÷ best level must reach 1 + this. */
  minRise: 0.25,
  /** The rise must undo at least this fraction of the progress made before the best point. */
  minRiseOfProgress: 0.1,
  /** The rising tail must span at least this fraction of the run … */
  minTailFraction: 0.1,
  /** … and at least this many analysis points. */
  minTailPoints: 4,
  /** A rise while the logged LR grew by at least this factor (restart, warm-up) is info, not a warning. */
  lrRaiseRatio: 1.5,
};

export const OSCILLATION_DEFAULTS = {
  /** Levels below this fraction of the start level count as that floor (tiny late losses are not "noisy"). */
  levelFloorFraction: 0.05,
  /** Robust amplitude of the swings around the smooth trend ÷ level at or above which it oscillates. */
  minAmplitudeRatio: 0.15,
  /** Swings (direction changes larger than the noise) per 10 analysis points. */
  minSwingsPer10: 2,
  /** At least this many analysis points. */
  minPoints: 8,
  /**
   * Decimated step logs (≥ 2 points per bucket): the residual swings of the bucket medians must be
   * positively autocorrelated (lag 1) at least this much — slow swings spanning several buckets.
   * White minibatch noise gives ≈ 0 and is `noisy`, not oscillation.
   */
  minLag1Autocorrelation: 0.2,
  /** Undecimated series with at least this many points need the same persistence (many raw log points). */
  persistencePoints: 50,
};

export const SPIKES_DEFAULTS = {
  /** Levels below this fraction of the start level count as that floor (tiny late losses are not "noisy"). */
  levelFloorFraction: 0.05,
  /** Robust z-score (residual ÷ local noise) at or above which a point is a spike. */
  minScore: 8,
  /** A spike must also rise this fraction above its local trend (1 = doubles). */
  minRelativeHeight: 1,
  /** Consecutive outliers longer than this are a level shift, not a spike. */
  maxWidth: 3,
  /**
   * Series shorter than this are not searched: the 7-point local trend needs context on both sides
   * of a spike and the MAD noise a dozen residuals (15-epoch logs are common).
   */
  minPoints: 12,
  /** Spike height ÷ start level above which the finding is a warning instead of info. */
  warnHeightRatio: 3,
  /**
   * Per-step logs of at least this many points need `minLongCount` spikes (or one warning-height
   * spike): per-sample losses are heavy-tailed, so one or two 8σ excursions in thousands of steps
   * are ordinary minibatch noise, not a pattern.
   */
  longSeriesPoints: 500,
  minLongCount: 3,
};

export const PLATEAU_DEFAULTS = {
  /** The flat tail may move at most this fraction of its level. */
  maxRelativeChange: 0.03,
  /** The flat tail must cover at least this fraction of the run. */
  minFraction: 0.5,
  /** The plateau level must be at least this fraction of the initial level (no real progress). */
  minLevelOfStart: 0.7,
  /** Relative distance to ln(C) within which the level is "at chance" when C is known. */
  chanceTolerance: 0.05,
  /** C unknown: a level down to this fraction below ln(k), k ∈ {2, 10, 100, 1000}, counts as a guessed match … */
  guessedChanceTolerance: 0.01,
  /** … and up to this fraction above it (stuck networks sit slightly above the label entropy). */
  guessedChanceAbove: 0.05,
  /** `chanceLevel` evidence names the nearest ln(k) within this relative distance even when not at chance. */
  nearChanceTolerance: 0.1,
  /** At least this many analysis points. */
  minPoints: 5,
};

export const SLOW_CONVERGENCE_DEFAULTS = {
  /** Share of the total improvement made in the last quarter at or above which it is still converging. */
  minImprovementRatio: 0.15,
  /** Minimum Mann–Kendall z (decreasing) over the last half. */
  minTrendZ: 2.33,
  /** Total improvement ÷ start level below which the run is slow (not just unfinished). */
  maxTotalImprovement: 0.9,
  minPoints: 8,
};

export const OVERFITTING_DEFAULTS = {
  /** Validation end level ÷ best level must reach 1 + this. */
  minValIncrease: 0.1,
  /** Mann–Kendall z of the validation tail after its best point (1.0 ≈ one-sided 84 %: the magnitude test carries most weight). */
  minTrendZ: 1.0,
  /** The validation tail must hold at least this many points … */
  minTailPoints: 3,
  /** … and this fraction of the run. */
  minTailFraction: 0.1,
  /** Val increase above which the finding is a warning instead of info. */
  warnValIncrease: 0.25,
  /**
   * A steady creep: a smaller rise (≥ this) still counts when the tail trend is significant at
   * `minCreepTrendZ` (one-sided 1 %) and training fell by at least as much (relative) as validation
   * rose. The smoothed minimum understates short validation logs' rises.
   */
  minCreepIncrease: 0.05,
  minCreepTrendZ: 2.33,
};

export const VAL_BELOW_TRAIN_DEFAULTS = {
  /** Fraction of aligned points with val below train. */
  minFraction: 0.7,
  /** Median (train − val) ÷ train over the points where val is below (reported as meanRelativeGap). */
  minMeanRelativeGap: 0.05,
  minPoints: 3,
};

export const NOISY_DEFAULTS = {
  /** Levels below this fraction of the start level count as that floor (tiny late losses are not "noisy"). */
  levelFloorFraction: 0.01,
  /** Median over blocks of mean |residual| ÷ mean local level at or above which a series is noisy. */
  minNoiseRatio: 0.3,
  /** Series with at least this many points are per-step logs, judged against `minNoiseRatio` … */
  minPoints: 100,
  /**
   * … shorter ones (from `minCoarsePoints`) are epoch averages: averaging ~B batches shrinks the
   * noise by ~√B, so a much smaller ratio already means very noisy training.
   */
  minCoarseNoiseRatio: 0.1,
  minCoarsePoints: 20,
};

export const METRIC_STUCK_DEFAULTS = {
  /** The metric's flat tail may move at most this much (absolute, metric in 0..1). */
  maxChange: 0.02,
  /** The flat tail must cover at least this fraction of the run. */
  minFraction: 0.5,
  /** Absolute distance to 1/C (or 1/k) within which the metric is at chance. */
  chanceTolerance: 0.03,
  minPoints: 5,
};

export const EPOCH_SAWTOOTH_DEFAULTS = {
  /** At least this many whole epochs (cycles) in the per-step log. */
  minCycles: 4,
  /** At least this many steps per epoch (shorter periods cannot hold a within-epoch pattern). */
  minPeriod: 4,
  /**
   * Share of the detrended log-loss spread explained by the epoch-phase profile: 1 − (MAD after ÷
   * MAD before removing it)². Healthy torch-runs logs stay ≤ 0.15, unshuffled sorted data ≥ 0.58.
   */
  minExplained: 0.4,
  /** Correlation of the profiles of even and odd epochs: the pattern must repeat, not be one burst. */
  minRepeatCorrelation: 0.6,
  minPoints: 40,
  /**
   * Without a known epoch length the period is searched (lag of the smallest mean |y[i+h] − y[i]|
   * over a central window of `searchPoints` points); a searched period needs this many cycles, since
   * trying many lags makes a chance fit likelier (noise folded over 8 cycles explains ≈ 0.2).
   */
  minSearchCycles: 8,
  searchPoints: 4096,
  /**
   * Total variation ÷ range of the epoch-phase profile. A monotone ramp (1) is what running-mean
   * logging produces (Keras per-batch logs report the mean since the epoch began, which resets at every
   * epoch); a fixed batch order makes the profile go up and down (torch-runs no_shuffle_sorted 2.9–15).
   */
  minProfileVariation: 2,
};

export const LOSS_JUMP_DEFAULTS = {
  /** The level after the jump ÷ the level before it, at or above which the loss jumped (2 = doubled). */
  minRatio: 2,
  /** Analysis points (bucket medians) whose median is the level before the jump. */
  beforePoints: 5,
  /**
   * Analysis points whose median is the level after the jump: the loss must stay up this long, longer
   * than a spike (`spikes.maxWidth` raw points), so a burst of bad batches is not a jump.
   */
  afterPoints: 5,
  /**
   * Raw points in a row at or above the raised threshold (`minRatio` × the level before; midway to the
   * level after for a jump found by `majorGiveBack`), from the jump on: twice a spike's
   * `maxWidth`, so a burst of a few bad batches is not a jump. A raised stretch that reaches the end of
   * the series needs only `minEndPoints`.
   */
  minSustainPoints: 6,
  minEndPoints: 3,
  /** The jump must happen within this many analysis points (a slow climb is `divergence`'s trend check) … */
  maxRisePoints: 2,
  /** … and that step must cover at least this share of the rise from the level before to the level after. */
  minSuddenShare: 0.9,
  /** Series shorter than this many analysis points are not searched. */
  minPoints: 20,
  /**
   * The rise must give back at least this fraction of the progress made before it (initial level −
   * level before): a loss near zero that goes from 1e-4 to 3e-4 doubled but lost nothing that matters.
   */
  minGiveBack: 0.05,
  /**
   * A smaller relative rise still counts when it gives back at least this fraction of the progress made:
   * a language model at 3.7 (floor ≈ 3.3) going back to 7.3 lost half of its training for a 1.97× rise.
   */
  majorGiveBack: 0.25,
  /** … as long as the level rises at least this much (a clear step, not drift). */
  minMajorRatio: 1.3,
  /** Recovered once the smooth curve is back within this fraction above the level before the jump. */
  recoverTolerance: 0.1,
  /** The learning rate at least this many times higher after the jump than before: a planned warm restart (info). */
  lrRaiseRatio: 1.5,
  /**
   * A smaller rise of a learning rate that was not rising before (not warm-up), at the jump: the
   * schedule started over, as when a run is resumed without its scheduler and optimizer state (warning).
   */
  lrRestartRatio: 1.02,
};

export const DETECTOR_DEFAULTS = {
  prepare: PREPARE_DEFAULTS,
  "non-finite": NON_FINITE_DEFAULTS,
  "never-finite": NEVER_FINITE_DEFAULTS,
  divergence: DIVERGENCE_DEFAULTS,
  oscillation: OSCILLATION_DEFAULTS,
  spikes: SPIKES_DEFAULTS,
  plateau: PLATEAU_DEFAULTS,
  "slow-convergence": SLOW_CONVERGENCE_DEFAULTS,
  overfitting: OVERFITTING_DEFAULTS,
  "val-below-train": VAL_BELOW_TRAIN_DEFAULTS,
  noisy: NOISY_DEFAULTS,
  "metric-stuck": METRIC_STUCK_DEFAULTS,
  "epoch-sawtooth": EPOCH_SAWTOOTH_DEFAULTS,
  "loss-jump": LOSS_JUMP_DEFAULTS,
} as const;

/** Defaults overridden by the finite numbers in `overrides` (unknown keys are ignored). */
export function resolveOptions<T extends Record<string, number>>(defaults: T, overrides?: Record<string, number>): T {
  const out: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (key in defaults && Number.isFinite(value)) out[key] = value;
  }
  return out as T;
}
