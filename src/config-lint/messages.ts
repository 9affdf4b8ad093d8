import { formatNumber as n } from "./format.js";

/**
 * Message catalogue of the config linter: every user-visible sentence (findings, fixes, issues).
 * Messages say what was observed, the value, and what to change.
 */
export const messages = {
  lrTooHigh: (optimizer: string, lr: number | string, limit: number, suggested: number, inclusive: boolean) =>
    `${optimizer} learning rate ${n(lr)} is ${inclusive ? "at or above" : "above"} ${n(limit)}: updates this large usually make the loss oscillate or diverge. Start from ${n(suggested)}.`,
  lrTooLow: (optimizer: string, lr: number | string, limit: number, suggested: number) =>
    `${optimizer} learning rate ${n(lr)} is below ${n(limit)}: training will barely move. Start from ${n(suggested)}.`,
  lrFix: (suggested: number) => `Set the learning rate to ${n(suggested)}.`,
  batchTooSmall: (batch: number, effective: number, limit: number) =>
    effective === batch
      ? `Batch size ${batch} is below ${limit}: gradients are dominated by noise${batch === 1 ? " and BatchNorm cannot compute batch statistics" : ""}. Use 32 or more if memory allows.`
      : `Effective batch size ${effective} (${batch} × accumulation) is below ${limit}: gradients are dominated by noise. Use 32 or more.`,
  batchFix: (suggested: number) => `Set the batch size to ${suggested}.`,
  inputsNotNormalized: (source: string) =>
    `Images from ${source} arrive as 0-255 pixels and no scaling or normalisation is visible: large inputs make early updates erratic. Divide by 255 or add a Rescaling/Normalize step.`,
  inputsFix: () => "Scale inputs to [0, 1] (x / 255.0, keras.layers.Rescaling(1./255), transforms.ToTensor()) or standardise them.",
  missingBatchnorm: (convs: number) =>
    `${convs} convolution layers and no normalisation layer: deep plain conv stacks are prone to vanishing or exploding activations. Add BatchNormalization after each convolution.`,
  batchnormFix: () => "Insert BatchNormalization (Keras) / nn.BatchNorm2d (PyTorch) after each convolution, before the activation.",
  dropoutTooHigh: (rate: number, limit: number) =>
    `Dropout rate ${n(rate)} drops more than ${n(limit)} of the units: the network can hardly fit and the loss stays high and noisy. Typical rates are 0.2-0.5.`,
  dropoutFix: (suggested: number) => `Set the dropout rate to ${n(suggested)}.`,
  noRegularization: (reason: string) =>
    `${reason} and no regularisation (dropout, L2/weight decay, augmentation) is configured: expect validation loss to rise while training loss keeps falling.`,
  regularizationFix: () => "Add Dropout(0.2-0.5), an L2 kernel regularizer (1e-4) or weight_decay, or data augmentation.",
  noLrSchedule: (epochs: number | null) =>
    epochs === null
      ? "The learning-rate schedule is explicitly constant: a decaying schedule usually reaches a lower final loss."
      : `Training runs ${epochs} epochs with a constant learning rate: a schedule (cosine, step, ReduceLROnPlateau) usually reaches a lower final loss.`,
  scheduleFix: () => "Add ReduceLROnPlateau(monitor='val_loss', factor=0.2, patience=5) or a cosine/step scheduler.",
  noEarlyStopping: (epochs: number) =>
    `Training runs ${epochs} epochs with validation data but no early stopping: the last epoch may be well past the best one.`,
  earlyStoppingFix: () => "Add EarlyStopping(monitor='val_loss', patience=10, restore_best_weights=True).",
  softmaxOneUnit: () =>
    "Softmax on a single output unit always outputs 1.0: the loss cannot decrease. Use sigmoid for one unit, or one unit per class with softmax.",
  softmaxOneUnitFix: () => "Use activation=\"sigmoid\" on the single output unit.",
  softmaxBinary: () =>
    "Softmax output with binary cross-entropy: the outputs are coupled and the loss is computed per unit as if independent. Use categorical cross-entropy with softmax, or sigmoid with binary cross-entropy.",
  sigmoidCategorical: () =>
    "Sigmoid output with categorical cross-entropy: the outputs do not sum to one, so the loss is wrong. Use softmax with categorical cross-entropy.",
  mseClassification: () =>
    "Mean squared error on a classification output (softmax/sigmoid or accuracy metric): gradients vanish as outputs saturate. Use a cross-entropy loss.",
  logitsDoubleActivation: (loss: string, activation: string) =>
    `${loss} is told it receives logits (from_logits=True) but the model already ends with ${activation}: the activation is applied twice. Drop the final activation or set from_logits=False.`,
  logitsMissingActivation: (loss: string) =>
    `${loss} expects probabilities (from_logits=False) but the output layer has no activation: pass from_logits=True or add the activation.`,
  logitsFix: () => "Set from_logits=True.",
  crossEntropyAfterSoftmax: (loss: string, activation: string) =>
    `${loss} applies log-softmax itself, but the model output already goes through ${activation}: gradients shrink and training stalls. Return raw logits.`,
  bceWithLogitsAfterSigmoid: () =>
    "BCEWithLogitsLoss applies a sigmoid itself, but the model already ends with a sigmoid: the activation is applied twice. Return raw logits.",
  nllWithoutLogSoftmax: () =>
    "NLLLoss expects log-probabilities, but the model output has no LogSoftmax: use CrossEntropyLoss on raw logits.",
  lossFix: () => "Make the final activation and the loss agree (logits + CrossEntropyLoss/BCEWithLogitsLoss, softmax + categorical cross-entropy, sigmoid + binary cross-entropy).",
  shuffleDisabled: (context: string, explicit: boolean) =>
    explicit
      ? `Shuffling is disabled for training (${context}): batches follow the stored order, which is often sorted by class or time, so the loss oscillates.`
      : `The training DataLoader does not shuffle (PyTorch's default is shuffle=False): batches follow the stored order. Pass shuffle=True.`,
  shuffleFix: () => "Set shuffle=True for the training data.",
  adamWeightDecay: (wd: number) =>
    `Adam with weight_decay=${n(wd)} adds L2 to the gradient, which Adam's scaling weakens and distorts. AdamW applies decoupled weight decay as intended.`,
  adamWeightDecayFix: () => "Use AdamW instead of Adam.",
  initTooLarge: (name: string, scale: number, limit: number) =>
    `Initializer ${name} with scale ${n(scale)} is above ${n(limit)}: activations grow layer by layer and the first updates explode. Use He/Glorot initialisation (the framework default).`,
  initConstant: (name: string) =>
    `Kernel initializer "${name}" makes every unit identical, so they all receive the same gradient and never differentiate. Use the default Glorot/He initializer.`,
  initFix: (suggested: number) => `Use a standard deviation of ${n(suggested)} or the default initializer.`,
  momentumHighLr: (lr: number, momentum: number, effective: number, limit: number) =>
    `Learning rate ${n(lr)} with momentum ${n(momentum)} gives an effective step of ${n(effective)} (lr / (1 - momentum)), above ${n(limit)}: expect oscillation or divergence.`,
  momentumFix: (suggested: number) => `Lower the learning rate to ${n(suggested)} (or the momentum).`,
  valPreprocessing: (train: string, evaluation: string, detail: string) =>
    `${train} and ${evaluation} are preprocessed differently (${detail}): validation inputs have another scale than training inputs, so validation loss is meaningless.`,
  valPreprocessingFix: () => "Apply the same scaling/normalisation to training, validation and test inputs.",
  // Issues
  configSyntax: (file: string, detail: string) => `Could not parse ${file}: ${detail}. Facts from this file are skipped.`,
  pythonSyntax: (line: number, text: string) =>
    `Python syntax error near line ${line} (${text}): facts were extracted from the parts that parse; fix the syntax for a complete check.`,
  notebookInvalid: (detail: string) => `Not a valid Jupyter notebook (${detail}): skipped.`,
  tooLarge: (chars: number, limit: number) => `File has ${chars} characters, above the ${limit} limit: skipped. Lint the training script itself, not generated or data files.`,
  binary: () => "File looks binary (contains NUL characters): skipped.",
  unsupported: () => "Not a training config type the linter reads (.py, .ipynb, .yaml, .yml, .json, .toml): skipped.",
  lintFailed: (detail: string) => `The linter failed on this file (${detail}); other files were checked. Please report this with the file.`,
  parserUnavailable: (detail: string) => `The Python parser could not be loaded (${detail}): Python files were skipped.`,
} as const;
