import { badInit } from "./bad-init.js";
import { batchTooSmall } from "./batch-too-small.js";
import { dataMismatch } from "./data-mismatch.js";
import { dataOutliers } from "./data-outliers.js";
import { explodingGradients } from "./exploding-gradients.js";
import { labelNoise } from "./label-noise.js";
import { lossMismatch } from "./loss-mismatch.js";
import { lrTooHigh } from "./lr-too-high.js";
import { lrTooLow } from "./lr-too-low.js";
import { missingBatchnorm } from "./missing-batchnorm.js";
import { modelTooLarge } from "./model-too-large.js";
import { noLrSchedule } from "./no-lr-schedule.js";
import { noRegularization } from "./no-regularization.js";
import { noShuffle } from "./no-shuffle.js";
import { restartWithoutState } from "./restart-without-state.js";
import { optimizerChoice } from "./optimizer-choice.js";
import { tooLittleData } from "./too-little-data.js";
import type { CauseScorer } from "./types.js";
import { unnormalizedInputs } from "./unnormalized-inputs.js";
import { vanishingGradients } from "./vanishing-gradients.js";

/** Every cause scorer, in a fixed order (ties in score keep this order). */
export const CAUSE_SCORERS: readonly CauseScorer[] = [
  lrTooHigh, lrTooLow, batchTooSmall, noRegularization, modelTooLarge, tooLittleData, unnormalizedInputs,
  dataOutliers, missingBatchnorm, badInit, lossMismatch, labelNoise, noShuffle, noLrSchedule, dataMismatch,
  optimizerChoice, vanishingGradients, explodingGradients, restartWithoutState,
];

/** Stable cause ids (also docs anchors in docs/diagnostics/causes.md). */
export const CAUSE_IDS: readonly string[] = CAUSE_SCORERS.map((s) => s.id);
