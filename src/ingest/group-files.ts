import type { InputFile } from "./types.js";
import { isSplitName, SPLIT_SUFFIX } from "./split-names.js";


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
  if (last !== undefined && isSplitName(last)) segments.pop();
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

/** `<run>/params/<name>` and `<run>/tags/<name>` files of an MLflow FileStore run. */
const MLFLOW_SIDECAR = /^(.*)\/(params|tags)\/([^/]+)$/;
/** Largest params/tags file read (MLflow caps param values at 6000 characters, up to 4 bytes each). */
const MAX_SIDECAR_BYTES = 6000 * 4;

/** Hyperparameters and run names found next to MLflow metric files, by run key. */
export interface MlflowSidecars {
  params: Map<string, Record<string, string | number | boolean>>;
  names: Map<string, string>;
}

/**
 * Separates MLflow `params/` and `tags/` files that belong to a run whose `metrics/` files are present;
 * params become hparams, the `mlflow.runName` tag names the run. Other files are returned untouched.
 */
export function splitMlflowSidecars(files: InputFile[]): { rest: InputFile[]; sidecars: MlflowSidecars } {
  const runKeys = new Set(files.map((file) => mlflowRunKey(file.path)).filter((key, index) => key !== files[index]?.path));
  const sidecars: MlflowSidecars = { params: new Map(), names: new Map() };
  const rest: InputFile[] = [];
  for (const file of files) {
    const match = MLFLOW_SIDECAR.exec(file.path.replace(/\\/g, "/"));
    const run = match?.[1];
    if (match === null || run === undefined || !runKeys.has(run) || file.data.length > MAX_SIDECAR_BYTES) {
      rest.push(file);
      continue;
    }
    const text = new TextDecoder().decode(file.data).trim();
    const name = match[3] ?? "";
    if (match[2] === "tags") {
      if (name === "mlflow.runName" && text !== "") sidecars.names.set(run, text);
      continue;
    }
    const params = sidecars.params.get(run) ?? {};
    params[name] = hparamValue(text);
    sidecars.params.set(run, params);
  }
  return { rest, sidecars };
}

function hparamValue(text: string): string | number | boolean {
  if (text === "True" || text === "true") return true;
  if (text === "False" || text === "false") return false;
  const number = Number(text);
  return text !== "" && Number.isFinite(number) ? number : text;
}
