import type { MetricDirection, SeriesRole } from "../domain/series.js";

/** Role and direction inferred from a tag name. */
export interface TagClass {
  role: SeriesRole;
  direction: MetricDirection;
}

/** Context that disambiguates bare tags: TensorBoard writes `epoch_loss` under `train/` and `validation/`. */
export interface TagContext {
  /** Split implied by the directory or file the tag came from. */
  split?: "train" | "val";
}

const VAL_PATTERN = /(^|[/_.\s-])(val|valid|validation|eval|evaluation|test|dev)([/_.\s-]|$)|^val|^eval|^test/i;
const TRAIN_PATTERN = /(^|[/_.\s-])(train|training)([/_.\s-]|$)|^train/i;
const LR_PATTERN = /(^|[/_.\s-])(lr|learning[_\s-]?rate)([/_.\s0-9-]|$)|^lr|lr-[A-Za-z]+|learning_rate/i;
const GRAD_PATTERN = /grad(ient)?[_\s-]?norm/i;
const LOSS_PATTERN = /loss|nll|perplexity|ppl|(^|[/_.-])(mse|mae|rmse|error)([/_.-]|$)|(^|\/)(box|cls|dfl|obj|seg)_(om|oo)$/i;
const HIGHER_PATTERN = /acc|accuracy|precision|recall|f1|auc|map|iou|io_u|dice|bleu|rouge|r2|score|top[_-]?\d|wer_improvement/i;
/** YOLO's `metrics/*` columns and tags are computed on the validation set. */
const YOLO_VAL_METRIC = /^metrics\//i;
const LOWER_METRIC_PATTERN = /wer|cer|error|mse|mae|rmse|perplexity|ppl/i;
const NOT_A_METRIC = /^(epoch|step|global_step|iteration|iter|time|timestamp|runtime|_runtime|_step|_timestamp|wall_time|total_flos|samples_per_second|steps_per_second)$|runtime|per_second|flos|memory|gpu|cpu|timestamp/i;

/** Splits off a `train`/`val` marker, looking at the tag first and the context second. */
function splitOf(tag: string, context: TagContext): "train" | "val" | undefined {
  if (VAL_PATTERN.test(tag) || YOLO_VAL_METRIC.test(tag)) return "val";
  if (TRAIN_PATTERN.test(tag)) return "train";
  return context.split;
}

/**
 * Maps a tag name to its role and metric direction.
 *
 * `loss`, `train_loss`, `train/loss`, `epoch_loss` (under `train/`) → train-loss;
 * `val_loss`, `eval_loss`, `validation/epoch_loss`, `val/box_loss` → val-loss;
 * `lr`, `learning_rate`, `lr-Adam`, `lr/pg0` → learning-rate; `grad_norm` → grad-norm;
 * accuracy-like names → metrics with direction `higher`; YOLO `metrics/mAP50(B)` → val-metric;
 * YOLOv10 `train/box_om`, `val/cls_oo` → losses.
 */
export function classifyTag(tag: string, context: TagContext = {}): TagClass {
  const bare = tag.trim();
  if (NOT_A_METRIC.test(bare)) return { role: "other", direction: "unknown" };
  if (GRAD_PATTERN.test(bare)) return { role: "grad-norm", direction: "unknown" };
  if (LR_PATTERN.test(bare)) return { role: "learning-rate", direction: "unknown" };
  const split = splitOf(bare, context);
  if (LOSS_PATTERN.test(bare) && !HIGHER_PATTERN.test(bare.replace(LOSS_PATTERN, ""))) {
    return { role: split === "val" ? "val-loss" : "train-loss", direction: "lower" };
  }
  const direction: MetricDirection = LOWER_METRIC_PATTERN.test(bare)
    ? "lower"
    : HIGHER_PATTERN.test(bare)
      ? "higher"
      : "unknown";
  if (direction === "unknown") return { role: "other", direction };
  return { role: split === "val" ? "val-metric" : "train-metric", direction };
}
