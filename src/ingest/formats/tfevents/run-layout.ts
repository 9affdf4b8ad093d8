import type { Framework } from "../../../domain/run.js";
import { isSplitName } from "../../split-names.js";

function normalize(path: string): string {
  return path.replace(/\\/g, "/");
}

/** `a/b/c.txt` → `c.txt`. */
export function baseName(path: string): string {
  const p = normalize(path);
  return p.slice(p.lastIndexOf("/") + 1);
}

/** The deepest directory shared by all paths (`""` when they share none). */
export function commonDirectory(paths: readonly string[]): string {
  let common: string[] | undefined;
  for (const path of paths) {
    const dirs = normalize(path).split("/").slice(0, -1);
    if (common === undefined) common = dirs;
    else {
      let n = 0;
      while (n < common.length && n < dirs.length && common[n] === dirs[n]) n++;
      common = common.slice(0, n);
    }
  }
  return (common ?? []).join("/");
}

/**
 * The split a file belongs to, from its parent directory (`logs/fit/x/validation/events...`) or the
 * last word of its filename before `events.out.tfevents` (`validation_events.out.tfevents...`).
 */
export function splitOfFile(path: string): string | undefined {
  const parts = normalize(path).split("/");
  const parent = parts.length > 1 ? parts[parts.length - 2]?.toLowerCase() : undefined;
  if (parent !== undefined && isSplitName(parent)) return parent;
  const name = parts[parts.length - 1] ?? "";
  const head = name.slice(0, Math.max(0, name.toLowerCase().indexOf("tfevents")));
  const words = head.split(/[^A-Za-z0-9]+/).filter((w) => w !== "" && w !== "events" && w !== "out");
  const last = words[words.length - 1]?.toLowerCase();
  return last !== undefined && isSplitName(last) ? last : undefined;
}

/** True when tags already say their split (`train/box_loss`, `val/cls_loss`): no prefix is added. */
export function tagsNameTheirSplit(tags: readonly string[]): boolean {
  return tags.some((tag) => isSplitName(tag.split("/")[0] ?? "") && tag.includes("/"));
}

/** Facts about the writer, used when tags alone do not tell the framework. */
export interface WriterHints {
  /** Some file name ends in `.v2` (TF2 `tf.summary` writers). */
  v2Files: boolean;
  /** Scalars were written as TF1 `simple_value` (PyTorch, tensorboardX, TF1). */
  simpleValues: boolean;
}

const YOLO = /(^|\/)(box|obj|cls|dfl)_(loss|om|oo)$|^metrics\/(mAP|precision|recall)|^x\/lr\d|^lr\/pg\d/;
const LIGHTNING = /^hp_metric$|^lr-[A-Za-z]|_(step|epoch)$/;
const KERAS = /^(.*\/)?(epoch|batch)_[a-z]|^(.*\/)?evaluation_.*_vs_iterations$/;

/**
 * The framework recognisable from tag names: YOLO (`train/box_loss`, `metrics/mAP_0.5`, `x/lr0`),
 * Lightning (`hp_metric`, `lr-Adam`, `*_step`/`*_epoch`, or an `epoch` tag next to metrics), Keras
 * (`epoch_loss`; reported as `tensorflow`), PyTorch (`simple_value` scalars from a writer that
 * writes no `.v2` files: `SummaryWriter`, tensorboardX; TF1 summaries look the same but are rare
 * now), else `tensorflow`.
 */
export function detectFramework(tags: readonly string[], hints: WriterHints): Framework {
  if (tags.some((t) => YOLO.test(t))) return "yolo";
  if (tags.some((t) => LIGHTNING.test(t)) || (tags.includes("epoch") && tags.length > 1)) return "lightning";
  if (tags.some((t) => KERAS.test(t))) return "tensorflow";
  if (!hints.v2Files && hints.simpleValues) return "pytorch";
  return "tensorflow";
}

/** TensorBoard's rule: a file is an event file when its basename contains `tfevents`. */
export function isTfEventsPath(path: string): boolean {
  return baseName(path).includes("tfevents");
}
