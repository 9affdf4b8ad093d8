import type { TrainingRun } from "../../../domain/run.js";
import type { Series } from "../../../domain/series.js";
import { classifyTag } from "../../roles.js";
import { isSplitName } from "../../split-names.js";

/**
 * Keys of PyTorch's `add_scalars(main_tag, {key: value})` that name a split. Each key gets its own
 * writer in `<run>/<main_tag>_<key>/` whose only tag is `main_tag`; for these keys the child runs are
 * folded back into `<run>` as `<main_tag>/<key>`, so train and validation curves meet in one run.
 * Other keys (`Loss_lr0.1`) stay separate runs, as TensorBoard shows them. Split keys: `split-names.ts`.
 */

interface Child {
  parent: string;
  series: Series[];
}

/** `a/b/c` → [`a/b`, `c`]; inside an archive `x.zip!c` → [`x.zip`, `c`]. */
function parentAndName(path: string): [string, string] {
  const normalized = path.replace(/\\/g, "/").replace(/\/+$/, "");
  const cut = Math.max(normalized.lastIndexOf("/"), normalized.lastIndexOf("!"));
  return cut < 0 ? ["", normalized] : [normalized.slice(0, cut), normalized.slice(cut + 1)];
}

/** The directory of a run: its path, or the folder of its one file when the path is that file (an archive's root). */
function dirOf(run: TrainingRun): string {
  return run.source.files.includes(run.source.path) ? parentAndName(run.source.path)[0] : run.source.path;
}

/** The child's parent path and renamed series when `run` is an `add_scalars` split writer; undefined otherwise. */
function asChild(run: TrainingRun): Child | undefined {
  if (run.source.format !== "tfevents" || run.series.length === 0) return undefined;
  const tag = run.series[0]!.tag;
  if (!run.series.every((s) => s.tag === tag) || Object.keys(run.hparams).length > 0) return undefined;
  const [parent, name] = parentAndName(dirOf(run));
  const stem = `${tag.replace(/\//g, "_")}_`;
  const key = name.startsWith(stem) ? name.slice(stem.length) : "";
  if (parent === "" || !isSplitName(key)) return undefined;
  const renamed = `${tag}/${key}`;
  return { parent, series: run.series.map((s) => ({ ...s, tag: renamed, ...classifyTag(renamed) })) };
}

function emptyParent(path: string, like: TrainingRun): TrainingRun {
  return { name: parentAndName(path)[1] || path, source: { path, format: "tfevents", files: [] }, framework: like.framework, series: [], hparams: {} };
}

/**
 * Folds the split writers of `add_scalars` (`exp/Loss_train`, `exp/Loss_val`, each holding tag
 * `Loss`) into their run `exp` as series `Loss/train` and `Loss/val`. The parent run is created when
 * the main writer logged nothing. Runs keep their order (a merged run takes its first member's place);
 * a child whose renamed tag the parent already has stays a run of its own.
 */
export function mergeAddScalarsRuns(runs: readonly TrainingRun[]): TrainingRun[] {
  // Flattened collections hold several runs under one path (named by file prefix): never merged.
  const seen = new Map<string, number>();
  for (const run of runs) if (run.source.format === "tfevents") seen.set(dirOf(run), (seen.get(dirOf(run)) ?? 0) + 1);
  const single = (run: TrainingRun): boolean => run.source.format === "tfevents" && seen.get(dirOf(run)) === 1;
  const byPath = new Map<string, TrainingRun>();
  const out: TrainingRun[] = [];
  const merged = new Map<string, TrainingRun>();
  for (const run of runs) if (single(run) && asChild(run) === undefined) byPath.set(dirOf(run), run);
  for (const run of runs) {
    const child = single(run) ? asChild(run) : undefined;
    const parentPath = child?.parent ?? dirOf(run);
    if (child === undefined && byPath.get(parentPath) !== run) {
      out.push(run);
      continue;
    }
    let parent = merged.get(parentPath);
    if (parent === undefined) {
      const base = byPath.get(parentPath) ?? emptyParent(parentPath, run);
      parent = { ...base, source: { ...base.source, files: [...base.source.files] }, series: [...base.series] };
      merged.set(parentPath, parent);
      out.push(parent);
    }
    if (child === undefined) continue;
    if (child.series.some((s) => parent.series.some((p) => p.tag === s.tag))) {
      out.push(run);
      continue;
    }
    parent.series.push(...child.series);
    parent.source.files.push(...run.source.files);
  }
  return out;
}
