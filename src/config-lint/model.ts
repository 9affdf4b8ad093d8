import type { HparamValue } from "../domain/run.js";

/**
 * The per-file model rules work on, built from Python (tree-sitter) or structured configs
 * (YAML/JSON/TOML). Every value keeps the span of its source text so a rule can offer a one-line fix.
 */

/** 1-based line and columns; `endColumn` is exclusive and meaningful only when `endLine === line`. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A value as written (or as resolved through a constant: the span is then the constant's literal). */
export interface ValueRef {
  value: HparamValue | null;
  span: Span;
  /** Name of the constant the value came from (`LR` in `Adam(learning_rate=LR)`). */
  via?: string;
  /** False when the value was computed (`0.1 * 4`) or is a framework default: no text replacement. */
  editable: boolean;
}

export type OptimizerFamily = "adaptive" | "sgd" | "other";
export type Framework = "keras" | "pytorch" | "config";

export interface OptimizerUse {
  /** Lower-case canonical name: adam, adamw, sgd, rmsprop, ... */
  name: string;
  family: OptimizerFamily;
  framework: Framework;
  lr: ValueRef | null;
  /** Default lr of that optimizer when `lr` is not given (Keras Adam: 1e-3). */
  defaultLr: number | null;
  momentum: ValueRef | null;
  weightDecay: ValueRef | null;
  /** Span of the class name (`Adam` in `optim.Adam(...)`), to suggest `AdamW`. */
  nameSpan: Span | null;
  line: number;
}

export type LayerKind =
  | "dense"
  | "conv"
  | "batchnorm"
  | "other-norm"
  | "dropout"
  | "activation"
  | "softmax"
  | "log-softmax"
  | "sigmoid"
  | "rescaling"
  | "normalization"
  | "augmentation";

export interface LayerUse {
  kind: LayerKind;
  line: number;
  units: ValueRef | null;
  activation: ValueRef | null;
  rate: ValueRef | null;
  /** Enclosing container (`seq:<call id>` or `add:<object>`) when the layer is written inside one. */
  container: string | null;
}

export interface LossUse {
  /** Canonical: categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy, mse, mae, cross_entropy, bce, bce_with_logits, nll, hinge, other. */
  name: string;
  framework: Framework;
  fromLogits: ValueRef | null;
  span: Span;
}

export interface BatchSizeUse {
  value: ValueRef;
  /** Where the batch size is used: `fit`, `dataloader`, `config`. */
  context: string;
  /** False for loaders that look like validation/test loaders. */
  training: boolean;
  accumulation: number | null;
}

export interface ShuffleUse {
  /** null: not given, where the default is no shuffling (PyTorch DataLoader). */
  value: ValueRef | null;
  context: string;
  line: number;
}

export interface InitUse {
  /** The initializer as written (`RandomNormal`, `nn.init.normal_`, `"ones"`). */
  name: string;
  /** Standard deviation or uniform half-width; null for constant initialisers. */
  scale: ValueRef | null;
  constant: boolean;
  line: number;
}

/** A named preprocessing pipeline or scaled array (`train_transform`, `x_train / 255.0`). */
export interface PreprocessUse {
  /** Variable it is assigned to. */
  target: string;
  /** Split inferred from the name. */
  split: "train" | "eval" | "unknown";
  normalizes: boolean;
  /** Normalization parameters as written (`mean=..., std=...`, divisor), to compare splits. */
  signature: string;
  line: number;
}

export interface DataSourceUse {
  /** The call text (`mnist.load_data`, `ImageFolder`, `pd.read_csv`). */
  name: string;
  /** `image` data has a known unnormalised range (0-255). */
  image: boolean;
  line: number;
  /** Variables the call's result is assigned to (`(x_train, y_train), (x_test, y_test)`). */
  targets: string[];
}

export interface FitUse {
  line: number;
  epochs: ValueRef | null;
  /** The arrays fitted on (`x_train`) and validated on (`x_test`). */
  inputs: string[];
  validationInputs: string[];
  hasValidation: boolean;
  callbacks: string[];
}

export interface FileModel {
  file: string;
  language: "python" | "config";
  frameworks: Set<Framework | "lightning" | "huggingface">;
  optimizers: OptimizerUse[];
  layers: LayerUse[];
  /** Final layer of each Sequential container / functional output (keras) in source order. */
  outputLayers: LayerUse[];
  losses: LossUse[];
  batchSizes: BatchSizeUse[];
  shuffles: ShuffleUse[];
  inits: InitUse[];
  preprocess: PreprocessUse[];
  dataSources: DataSourceUse[];
  fits: FitUse[];
  /** Lines with input scaling/normalisation evidence (Rescaling, Normalize, x/255, StandardScaler). */
  normalizationLines: number[];
  /** Lines of LR schedules (schedulers, ReduceLROnPlateau, LearningRateScheduler, scheduler configs). */
  scheduleLines: number[];
  earlyStoppingLines: number[];
  /** Lines of L1/L2 regularizers and weight decay > 0. */
  regularizerLines: number[];
  /** PyTorch: a softmax (or log-softmax) applied on the `forward` return value. */
  forwardOutputs: { kind: "softmax" | "log-softmax" | "sigmoid"; line: number }[];
  epochs: ValueRef | null;
  extra: Record<string, HparamValue>;
}

export function emptyModel(file: string, language: FileModel["language"]): FileModel {
  return {
    file,
    language,
    frameworks: new Set(),
    optimizers: [],
    layers: [],
    outputLayers: [],
    losses: [],
    batchSizes: [],
    shuffles: [],
    inits: [],
    preprocess: [],
    dataSources: [],
    fits: [],
    normalizationLines: [],
    scheduleLines: [],
    earlyStoppingLines: [],
    regularizerLines: [],
    forwardOutputs: [],
    epochs: null,
    extra: {},
  };
}
