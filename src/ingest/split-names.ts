/**
 * Words that name a data split, wherever a log layout uses one: TensorBoard split directories
 * (`run/train/`, `run/validation/`), file-name prefixes (`validation_events.out.tfevents…`), tag
 * prefixes (`val/box_loss`) and PyTorch `add_scalars` keys (`Loss_valid/`). One list, so the layouts
 * agree on what a split is.
 */
export const SPLIT_NAMES = ["train", "training", "val", "valid", "validation", "eval", "evaluation", "test"] as const;

const SPLITS: ReadonlySet<string> = new Set(SPLIT_NAMES);

/** True when `word` (any case) names a split. */
export function isSplitName(word: string): boolean {
  return SPLITS.has(word.toLowerCase());
}

/** A split word at the end of a file-name prefix, with its separator: `foo_validation_` → group 2 `validation`. */
export const SPLIT_SUFFIX = new RegExp(`(^|[_.-])(${SPLIT_NAMES.join("|")})[_.-]?$`, "i");
