import { batchnorm } from "./batchnorm.js";
import { dataAugmentation } from "./data-augmentation.js";
import { dropout } from "./dropout.js";
import { earlyStopping } from "./early-stopping.js";
import { fixLoss } from "./fix-loss.js";
import { gradientClipping } from "./gradient-clipping.js";
import { heInit } from "./he-init.js";
import { increaseBatch } from "./increase-batch.js";
import { labelSmoothing } from "./label-smoothing.js";
import { lowerLr } from "./lower-lr.js";
import { normalizeInputs } from "./normalize-inputs.js";
import { raiseLr } from "./raise-lr.js";
import { reduceLrOnPlateau } from "./reduce-lr-on-plateau.js";
import { resumeFullState } from "./resume-full-state.js";
import { robustLoss } from "./robust-loss.js";
import { samePreprocessing } from "./same-preprocessing.js";
import { shuffle } from "./shuffle.js";
import { smallerModel } from "./smaller-model.js";
import { switchOptimizer } from "./switch-optimizer.js";
import type { RecommendationBuilder } from "./types.js";
import { weightDecay } from "./weight-decay.js";

/** Fixes per cause id, most direct first. */
export const FIXES_BY_CAUSE: Readonly<Record<string, readonly RecommendationBuilder[]>> = {
  "lr-too-high": [lowerLr, gradientClipping],
  "lr-too-low": [raiseLr],
  "batch-too-small": [increaseBatch],
  "no-regularization": [earlyStopping, weightDecay, dropout],
  "model-too-large": [smallerModel, dropout],
  "too-little-data": [dataAugmentation, earlyStopping],
  "unnormalized-inputs": [normalizeInputs],
  "data-outliers": [robustLoss, gradientClipping],
  "missing-batchnorm": [batchnorm],
  "bad-init": [heInit, gradientClipping],
  "loss-mismatch": [fixLoss],
  "label-noise": [labelSmoothing, earlyStopping],
  "no-shuffle": [shuffle],
  "no-lr-schedule": [reduceLrOnPlateau],
  "data-mismatch": [samePreprocessing],
  "optimizer-choice": [switchOptimizer],
  "vanishing-gradients": [heInit, batchnorm],
  "exploding-gradients": [gradientClipping],
  "restart-without-state": [resumeFullState],
};

/** Every recommendation id (docs anchors in docs/diagnostics/causes.md). */
export const RECOMMENDATION_IDS: readonly string[] = [...new Set(Object.values(FIXES_BY_CAUSE).flat().map((b) => b.id))];
