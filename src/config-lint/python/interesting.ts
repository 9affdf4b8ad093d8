import {
  AUGMENTATIONS,
  EARLY_STOPPING,
  IMAGE_SOURCES,
  LAYERS,
  LOSSES,
  NORMALIZERS,
  OPTIMIZERS,
  REGULARIZERS,
  SCHEDULERS,
} from "./vocabulary.js";

/** Calls the extractor looks at beyond the vocabulary tables (containers, training entry points, data). */
const STRUCTURAL = [
  "compile",
  "fit",
  "DataLoader",
  "Trainer",
  "TrainingArguments",
  "batch",
  "range",
  "Compose",
  "ImageDataGenerator",
  "fit_transform",
  "transform",
  "add_argument",
  "parse_args",
  "parse_known_args",
  "Sequential",
  "ModuleList",
  "add",
  "softmax",
  "log_softmax",
  "sigmoid",
  "load_data",
  "RandomNormal",
  "TruncatedNormal",
  "RandomUniform",
  "normal_",
  "trunc_normal_",
  "uniform_",
  "Float",
  "Choice",
];

/**
 * Call names worth building a full record for. Everything else (`self.conv(x)`, `torch.relu(...)`) is
 * skipped during the tree walk, which keeps a 10k-line script within the lint time budget.
 */
export const INTERESTING_CALLS: ReadonlySet<string> = new Set([
  ...STRUCTURAL,
  ...Object.keys(LAYERS),
  ...Object.keys(LOSSES),
  ...SCHEDULERS,
  ...EARLY_STOPPING,
  ...REGULARIZERS,
  ...AUGMENTATIONS,
  ...NORMALIZERS,
  ...[...IMAGE_SOURCES].map((s) => s.split(".").pop() ?? s),
]);

/** Optimizer classes match case-insensitively on the class name (`Adam`, `RMSprop`, `NAdam`). */
export function isInterestingCall(name: string): boolean {
  return INTERESTING_CALLS.has(name) || (name !== name.toLowerCase() && (OPTIMIZERS[name.toLowerCase()] !== undefined || name.endsWith("Optimizer")));
}
