/**
 * Named thresholds of the cause scorers, with their defaults. Override per cause through
 * `DiagnoseOptions.causes.thresholds` is not offered yet; these are the documented defaults
 * (docs/diagnostics/causes.md).
 */
export const CAUSE_THRESHOLDS = {
  /** Scores are logistic(BASE_LOGIT + sum of evidence weights); with no evidence a cause scores ≈ 0.05. */
  baseLogit: -3,
  /** Causes scoring below this are not reported. */
  minScore: 0.2,
  /** Adaptive optimizers (Adam family, RMSprop): lr at or above this is high... */
  adaptiveLrHigh: 0.01,
  /** ...and at or above this, far too high. */
  adaptiveLrExtreme: 0.1,
  /** Adaptive optimizers: lr at or below this is low. */
  adaptiveLrLow: 1e-5,
  /** Adaptive optimizers: the usual safe range ends here. */
  adaptiveLrSafeMax: 3e-3,
  /** SGD: effective lr (lr / (1 − momentum)) at or above this is high... */
  sgdEffectiveLrHigh: 1,
  /** ...and at or above this, far too high. */
  sgdEffectiveLrExtreme: 4,
  /** SGD: plain lr at or below this is low. */
  sgdLrLow: 1e-4,
  /** SGD: effective lr in the usual safe range ends here. */
  sgdEffectiveLrSafeMax: 0.6,
  /** Batch sizes at or below this are tiny (gradient noise dominates). */
  batchTiny: 4,
  /** Batch sizes at or below this are small. */
  batchSmall: 8,
  /** Batch sizes at or above this are not "too small". */
  batchComfortable: 32,
  /** Training sets at or below this many samples are small for a neural network. */
  trainSizeSmall: 2_000,
  /** Training sets at or above this many samples are large. */
  trainSizeLarge: 100_000,
  /** Initial loss ≥ this × chance loss ln(C) means outputs were wildly off at the start. */
  initialOverChance: 3,
  /** Without a chance level: first value ≥ this × median of the rest counts as an early explosion. */
  explosionOverRest: 10,
  /** ...and only when the rest of the run is this flat ((p90 − p10) / median): the network died. */
  flatRestSpread: 0.25,
  /** Validation loss ending ≥ this much above its minimum (reached before valMinBefore of the run) is mild overfitting. */
  mildValRise: 0.05,
  /** The validation minimum must lie before this share of the run to count as overfitting. */
  valMinBefore: 0.5,
  /** Share of the config weight removed from a cause that explains none of the observed symptoms. */
  configOnlyDiscount: 0.5,
  /** Without any warning/error finding, causes need at least this score (configuration-only risks). */
  minScoreWithoutSymptoms: 0.35,
  /** A loss within this relative distance of ln(C) is "at chance". */
  chanceTolerance: 0.05,
  /** A first loss within this relative distance of ln(C) looks like an untrained C-class cross-entropy. */
  startNearChance: 0.3,
  /** Accuracy within this absolute distance of 1/C is "at chance". */
  chanceAccuracyTolerance: 0.05,
  /** Non-finite values in the first this-fraction of the run count as "from the start". */
  earlyPosition: 0.05,
  /** Weight-init std at or above this is large (He init for width 256 is ≈ 0.09). */
  initStdLarge: 0.5,
  /** Weight-init std at or below this is small for deep sigmoid/tanh nets. */
  initStdSmall: 0.05,
  /** Hidden layers at or above this count make a plain MLP deep. */
  deepLayers: 6,
  /** Median |loss| at or above this suggests unscaled regression targets (MSE). */
  hugeLossScale: 1_000,
  /** Best validation loss ≥ this × chance loss: validation never got good (noisy labels). */
  poorBestOverChance: 0.4,
  /** Max validation accuracy below this while train loss → 0: memorised noise. */
  poorValAccuracy: 0.75,
  /** A classification loss starting below this × ln(C) while accuracy is near chance is not cross-entropy. */
  tinyInitialOverChance: 0.2,
  /** A last finite loss of at least this magnitude before NaN/Inf means the values exploded. */
  hugeLastFinite: 1e6,
  /** Grad-norm max/median ratio at or above this means gradients exploded. */
  gradNormBurst: 100,
} as const;

export type CauseThresholds = typeof CAUSE_THRESHOLDS;
