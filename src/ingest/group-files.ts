import type { InputFile } from "./types.js";

/** Directory names that mark a split inside a TensorBoard run directory. */
const SPLIT_DIRS = new Set(["train", "validation", "val", "eval", "evaluation", "test"]);
/** Split words at the end of a file-name prefix (`validation_events.out.tfevents...`). */
const SPLIT_SUFFIX = /(^|[_.-])(train|validation|val|eval|evaluation|test)[_.-]?$/i;

function parts(path: string): string[] {
  return path.replace(/\\/g, "/").split(/[/!]/);
}

/**
 * The run a TensorBoard event file belongs to. TensorBoard's rule is one run per directory; split
 * sub-directories (`a/train`, `a/validation`) belong to their parent run `a`. Files in one directory
 * whose names carry different prefixes before `events.out.tfevents` (flattened collections) form
 * separate runs, with a trailing split word ignored.
 */
export function tfeventsRunKey(path: string): string {
  const segments = parts(path);
  const name = segments.pop() ?? "";
  const last = segments.at(-1);
  if (last !== undefined && SPLIT_DIRS.has(last.toLowerCase())) segments.pop();
  const index = name.indexOf("events.out.tfevents");
  const prefix = index > 0 ? name.slice(0, index).replace(SPLIT_SUFFIX, "$1") : "";
  return [...segments, prefix].join("/");
}

/** The file-name prefix part of a tfevents run key (`""` for TensorBoard's usual one-run-per-directory layout). */
export function tfeventsPrefixName(key: string): string {
  const last = key.slice(key.lastIndexOf("/") + 1);
  return last.replace(/[_.-]+$/, "");
}

/** The run of an MLflow metric file: `<run>/metrics/<name>` → `<run>`; other paths are runs of their own. */
export function mlflowRunKey(path: string): string {
  const segments = parts(path);
  if (segments.length >= 3 && segments.at(-2) === "metrics") return segments.slice(0, -2).join("/");
  return path;
}

/** Groups files by key, keeping first-seen order. */
export function groupBy(files: InputFile[], key: (path: string) => string): Map<string, InputFile[]> {
  const groups = new Map<string, InputFile[]>();
  for (const file of files) {
    const k = key(file.path);
    const list = groups.get(k);
    if (list) list.push(file);
    else groups.set(k, [file]);
  }
  return groups;
}
