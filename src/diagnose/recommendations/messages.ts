import { formatNumber as n } from "../format-number.js";

/** Why and expected-effect sentences of every recommendation kind (user-facing catalogue). */
export const recMessages = {
  lowerLr: {
    why: (optimizer: string, lr: string | null): string =>
      lr === null ? "The learning rate is large enough for steps to overshoot and blow up the loss." : `${optimizer} at lr=${lr} takes steps large enough to overshoot and blow up the loss.`,
    effect: "The loss should fall steadily from the first epoch instead of exploding, oscillating or freezing at chance level.",
  },
  raiseLr: {
    why: (optimizer: string, lr: string | null): string =>
      lr === null ? "The learning rate moves the weights too little to make progress in the training budget." : `${optimizer} at lr=${lr} moves the weights too little to make progress in the training budget.`,
    effect: "Training loss should drop visibly within the first few epochs; confirm with an LR range test.",
  },
  increaseBatch: {
    why: (size: string | null): string => `With batch size ${size ?? "this small"}, each gradient is estimated from too few samples and updates are mostly noise.`,
    effect: "Smoother loss curves with fewer spikes; keep the learning rate, or scale it with the batch size for SGD.",
  },
  reducePlateau: {
    why: (patience: number): string => `The loss stops improving at a constant learning rate; halving it after ${patience} epochs without progress lets training settle into the minimum.`,
    effect: "The plateau or late bouncing should turn into a further, steady decrease after each reduction.",
  },
  earlyStopping: {
    why: (bestStep: number | null, patience: number, unit: "step" | "epoch"): string =>
      bestStep === null
        ? `Validation loss turns up while training loss falls; stopping ${patience} epochs after the last improvement keeps the best weights.`
        : `Validation loss was best at ${unit} ${n(bestStep)} and got worse afterwards; stopping ${patience} evaluations later and restoring the best weights keeps that model.`,
    effect: "The final model matches the best validation loss instead of the overfitted last epoch, and training ends earlier.",
  },
  weightDecay: {
    why: "Nothing penalises large weights, so the model is free to memorise the training set.",
    effect: "A smaller train/validation gap; validation loss should stop climbing (or climb much later).",
  },
  dropout: {
    why: (rate: string): string => `Dropout ${rate} after the hidden layers stops units from co-adapting to individual training samples.`,
    effect: "Training loss falls a little slower, validation loss stays closer to it.",
  },
  smallerModel: {
    why: "The model has far more capacity than the data can constrain.",
    effect: "Less memorisation: validation loss should bottom out later and lower.",
  },
  augmentation: {
    why: (size: string | null): string => `${size === null ? "The training set" : `${size} training samples`} is too little for the model; more (or augmented) data is the most reliable cure for overfitting.`,
    effect: "Validation loss keeps improving for longer and the train/val gap narrows.",
  },
  normalizeInputs: {
    why: "Raw-scale inputs produce huge activations and gradients at the start, which kill ReLUs and push the network to chance level.",
    effect: "The first-epoch loss should start near ln(C) and decrease instead of exploding.",
  },
  robustLoss: {
    why: "A few extreme targets dominate a squared-error loss and its gradients.",
    effect: "Spikes shrink and the loss decreases steadily; also standardise the targets.",
  },
  gradientClipping: {
    why: "Single batches produce gradients large enough to blow the weights up.",
    effect: "No more NaN/Inf or sudden jumps; updates are bounded while their direction is kept.",
    /** Code comment when the snippet uses the learning rate proposed by lower-lr. */
    lrFromLowerLr: "# learning rate lowered as proposed by lower-lr; clipping alone does not fix a too-high rate",
    /** Code line when lower-lr's rate is not a number (unknown SGD lr). */
    unknownLowerLr: (divisor: number): string => `new_lr = current_lr / ${divisor}  # as proposed by lower-lr`,
  },
  batchnorm: {
    why: "Without normalization layers, activations drift in scale layer by layer, which makes deep nets slow or unstable to train.",
    effect: "Faster, steadier convergence and more tolerance to the learning rate.",
  },
  heInit: {
    why: (std: string | null): string => `${std === null ? "The initialisation" : `An init std of ${std}`} does not preserve the signal's variance through the layers.`,
    effect: "The first loss should be close to ln(C) with gradients reaching every layer.",
  },
  fixLoss: {
    why: (loss: string | null): string => `${loss === null ? "The loss" : `The loss '${loss}'`} does not match a classification output: use cross-entropy on raw logits (it is also numerically stable).`,
    effect: "Loss starts near ln(C), decreases with accuracy, and never turns NaN from log(0).",
  },
  labelSmoothing: {
    why: "The model memorises labels that look wrong; smoothing targets and cleaning the worst samples limits the damage.",
    effect: "Validation loss stops climbing; accuracy reflects the clean part of the data.",
  },
  shuffle: {
    why: "Batches follow the order of the data (e.g. sorted by class), so every epoch pulls the model back and forth.",
    effect: "The per-epoch sawtooth disappears and training converges much faster.",
  },
  samePreprocessing: {
    why: "Validation behaves unlike training from the start, which points to different preprocessing, leakage or a different distribution.",
    effect: "Train and validation losses become comparable; any remaining gap is real generalisation error.",
  },
  resumeFullState: {
    why: "The run was resumed from a checkpoint, but its learning-rate schedule started over, and usually its optimizer state (Adam's moment estimates) did too. The first updates after the resume are then far too large for weights that were already trained.",
    effect: "No loss jump at the resume: training continues from the level it had reached, with the learning rate it had reached.",
  },
  switchOptimizer: {
    why: (what: string): string => what,
    effect: "Faster progress per epoch (momentum) or regularisation that actually shrinks weights (decoupled decay).",
  },
};
