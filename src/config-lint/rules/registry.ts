import { adamWithWeightDecay } from "./adam-with-weight-decay.js";
import { batchSizeTooSmall } from "./batch-size-too-small.js";
import { dropoutTooHigh } from "./dropout-too-high.js";
import { initScaleTooLarge } from "./init-scale-too-large.js";
import { inputsNotNormalized } from "./inputs-not-normalized.js";
import { lossOutputMismatch } from "./loss-output-mismatch.js";
import { lrOutOfRange } from "./lr-out-of-range.js";
import { missingBatchnorm } from "./missing-batchnorm.js";
import { momentumWithHighLr } from "./momentum-with-high-lr.js";
import { noEarlyStopping } from "./no-early-stopping.js";
import { noLrSchedule } from "./no-lr-schedule.js";
import { noRegularization } from "./no-regularization.js";
import type { LintRule } from "./rule.js";
import { shuffleDisabled } from "./shuffle-disabled.js";
import { valPreprocessingMismatch } from "./val-preprocessing-mismatch.js";

/** Every lint rule, in report order. Ids are stable: they are config keys and docs anchors. */
export const LINT_RULES: readonly LintRule[] = [
  lrOutOfRange,
  batchSizeTooSmall,
  inputsNotNormalized,
  missingBatchnorm,
  dropoutTooHigh,
  noRegularization,
  noLrSchedule,
  noEarlyStopping,
  lossOutputMismatch,
  shuffleDisabled,
  adamWithWeightDecay,
  initScaleTooLarge,
  momentumWithHighLr,
  valPreprocessingMismatch,
];

export const LINT_RULE_IDS: readonly string[] = LINT_RULES.map((r) => r.id);
