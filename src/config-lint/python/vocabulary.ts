import type { LayerKind, OptimizerFamily } from "../model.js";

/**
 * Framework vocabulary: class and function names the extractor recognises, with framework defaults.
 * Sources: Keras 3 and PyTorch 2.x API references (default learning rates as documented there).
 */

export interface OptimizerSpec {
  canonical: string;
  family: OptimizerFamily;
  kerasDefaultLr: number;
  torchDefaultLr: number;
}

const spec = (canonical: string, family: OptimizerFamily, keras: number, torch: number): OptimizerSpec => ({
  canonical,
  family,
  kerasDefaultLr: keras,
  torchDefaultLr: torch,
});

/** Keyed by lower-case class name or Keras string identifier. */
export const OPTIMIZERS: Readonly<Record<string, OptimizerSpec>> = {
  adam: spec("adam", "adaptive", 1e-3, 1e-3),
  adamw: spec("adamw", "adaptive", 1e-3, 1e-3),
  nadam: spec("nadam", "adaptive", 1e-3, 2e-3),
  adamax: spec("adamax", "adaptive", 1e-3, 2e-3),
  radam: spec("radam", "adaptive", 1e-3, 1e-3),
  rmsprop: spec("rmsprop", "adaptive", 1e-3, 1e-2),
  lion: spec("lion", "adaptive", 1e-3, 1e-4),
  sgd: spec("sgd", "sgd", 1e-2, 1e-3),
  adagrad: spec("adagrad", "other", 1e-3, 1e-2),
  adadelta: spec("adadelta", "other", 1e-3, 1.0),
  ftrl: spec("ftrl", "other", 1e-3, 1e-3),
};

/** Torch positional argument indexes after `params`. */
export const TORCH_POSITIONS: Readonly<Record<string, { lr: number; momentum?: number; weightDecay?: number }>> = {
  sgd: { lr: 1, momentum: 2, weightDecay: 4 },
  adam: { lr: 1, weightDecay: 4 },
  adamw: { lr: 1, weightDecay: 4 },
  rmsprop: { lr: 1, weightDecay: 4, momentum: 5 },
};

export const LAYERS: Readonly<Record<string, LayerKind>> = {
  Dense: "dense",
  Linear: "dense",
  Conv1D: "conv",
  Conv2D: "conv",
  Conv3D: "conv",
  Conv1d: "conv",
  Conv2d: "conv",
  Conv3d: "conv",
  SeparableConv2D: "conv",
  DepthwiseConv2D: "conv",
  BatchNormalization: "batchnorm",
  BatchNorm1d: "batchnorm",
  BatchNorm2d: "batchnorm",
  BatchNorm3d: "batchnorm",
  SyncBatchNorm: "batchnorm",
  LayerNormalization: "other-norm",
  LayerNorm: "other-norm",
  GroupNorm: "other-norm",
  GroupNormalization: "other-norm",
  InstanceNorm2d: "other-norm",
  Dropout: "dropout",
  Dropout1d: "dropout",
  Dropout2d: "dropout",
  SpatialDropout1D: "dropout",
  SpatialDropout2D: "dropout",
  AlphaDropout: "dropout",
  Activation: "activation",
  ReLU: "activation",
  LeakyReLU: "activation",
  GELU: "activation",
  Tanh: "activation",
  Softmax: "softmax",
  LogSoftmax: "log-softmax",
  Sigmoid: "sigmoid",
  Rescaling: "rescaling",
  Normalization: "normalization",
  RandomFlip: "augmentation",
  RandomRotation: "augmentation",
  RandomZoom: "augmentation",
  RandomCrop: "augmentation",
  RandomTranslation: "augmentation",
  RandomContrast: "augmentation",
};

/** Loss names (Keras strings, Keras classes, torch classes and functionals) → canonical loss. */
export const LOSSES: Readonly<Record<string, string>> = {
  binary_crossentropy: "binary_crossentropy",
  BinaryCrossentropy: "binary_crossentropy",
  categorical_crossentropy: "categorical_crossentropy",
  CategoricalCrossentropy: "categorical_crossentropy",
  sparse_categorical_crossentropy: "sparse_categorical_crossentropy",
  SparseCategoricalCrossentropy: "sparse_categorical_crossentropy",
  mse: "mse",
  mean_squared_error: "mse",
  MeanSquaredError: "mse",
  MSELoss: "mse",
  mse_loss: "mse",
  mae: "mae",
  mean_absolute_error: "mae",
  MeanAbsoluteError: "mae",
  L1Loss: "mae",
  CrossEntropyLoss: "cross_entropy",
  cross_entropy: "cross_entropy",
  BCELoss: "bce",
  binary_cross_entropy: "bce",
  BCEWithLogitsLoss: "bce_with_logits",
  binary_cross_entropy_with_logits: "bce_with_logits",
  NLLLoss: "nll",
  nll_loss: "nll",
  hinge: "hinge",
  Hinge: "hinge",
};

export const SCHEDULERS = new Set([
  "StepLR",
  "MultiStepLR",
  "ExponentialLR",
  "CosineAnnealingLR",
  "CosineAnnealingWarmRestarts",
  "ReduceLROnPlateau",
  "OneCycleLR",
  "CyclicLR",
  "LambdaLR",
  "MultiplicativeLR",
  "LinearLR",
  "PolynomialLR",
  "SequentialLR",
  "ChainedScheduler",
  "LearningRateScheduler",
  "ExponentialDecay",
  "CosineDecay",
  "CosineDecayRestarts",
  "PiecewiseConstantDecay",
  "InverseTimeDecay",
  "PolynomialDecay",
  "get_linear_schedule_with_warmup",
  "get_cosine_schedule_with_warmup",
  "get_scheduler",
]);

/** Keras schedule objects passed as `learning_rate=`: their initial rate is the optimizer's lr. */
export const KERAS_SCHEDULE_INITIAL_LR = new Set([
  "ExponentialDecay",
  "CosineDecay",
  "CosineDecayRestarts",
  "InverseTimeDecay",
  "PolynomialDecay",
]);

export const EARLY_STOPPING = new Set(["EarlyStopping", "EarlyStoppingCallback"]);

export const REGULARIZERS = new Set(["l1", "l2", "l1_l2", "L1", "L2", "L1L2"]);

export const AUGMENTATIONS = new Set([
  "RandomHorizontalFlip",
  "RandomVerticalFlip",
  "RandomResizedCrop",
  "RandomCrop",
  "ColorJitter",
  "RandAugment",
  "AutoAugment",
  "TrivialAugmentWide",
  "RandomErasing",
]);

/** Calls that load image data whose raw pixel range is 0-255. */
export const IMAGE_SOURCES = new Set([
  "mnist.load_data",
  "fashion_mnist.load_data",
  "cifar10.load_data",
  "cifar100.load_data",
  "image_dataset_from_directory",
  "flow_from_directory",
  "ImageFolder",
  "MNIST",
  "FashionMNIST",
  "CIFAR10",
  "CIFAR100",
  "imread",
]);

/** Calls that are evidence of input scaling or standardisation. */
export const NORMALIZERS = new Set([
  "Normalize",
  "ToTensor",
  "Rescaling",
  "Normalization",
  "StandardScaler",
  "MinMaxScaler",
  "RobustScaler",
  "preprocess_input",
  "normalize",
  "standardize",
  "per_image_standardization",
  "convert_image_dtype",
]);

export const CLASSIFICATION_METRICS = new Set(["accuracy", "acc", "Accuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy", "BinaryAccuracy", "AUC", "Precision", "Recall"]);

/** Name fragments that mark a validation/test split. */
export const EVAL_SPLIT = /(^|[^a-z])(val|valid|validation|test|eval|dev|holdout)/i;
export const TRAIN_SPLIT = /train/i;

export function splitOf(name: string): "train" | "eval" | "unknown" {
  if (TRAIN_SPLIT.test(name)) return "train";
  if (EVAL_SPLIT.test(name)) return "eval";
  return "unknown";
}
