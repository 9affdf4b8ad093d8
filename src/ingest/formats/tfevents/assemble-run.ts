import type { Issue } from "../../../domain/issue.js";
import type { HparamValue, TrainingRun } from "../../../domain/run.js";
import type { Series } from "../../../domain/series.js";
import { classifyTag, type TagContext } from "../../roles.js";
import type { SeriesBuilder } from "../../series-builder.js";
import type { EventDecoder } from "./event-decoder.js";
import type { RecordFastPath } from "./record-decoder.js";
import type { TagCache } from "./tag-cache.js";
import { tfeventsMessages as msg } from "./messages.js";
import { baseName, commonDirectory, detectFramework, tagsNameTheirSplit } from "./run-layout.js";
import type { TfEventsStats } from "./run-accumulator.js";

/** The series of the files of one split (`""` for files with no train/validation marker). */
export interface SplitGroup {
  split: string;
  context: TagContext;
  builder: SeriesBuilder;
  /** Decoder with this group's own tag cache: tag metadata and last steps are per writer. */
  decoder: EventDecoder;
  /** That tag cache. */
  tags: TagCache;
  /** The fused record loop: the WebAssembly kernel's when one is given, else `decoder` itself. */
  fastPath: RecordFastPath;
}

export interface AssembleInput {
  files: readonly string[];
  groups: readonly SplitGroup[];
  hparams: Record<string, HparamValue>;
  stats: TfEventsStats;
}

/** Lightning logs `hp_metric` = -1 as a placeholder next to hparams; it is not a training scalar. */
const PLACEHOLDER_TAGS: ReadonlySet<string> = new Set(["hp_metric"]);

/**
 * Names the series of every split group: tags of a `validation/` (or `train/`, ...) file get that word
 * in front (`validation/epoch_loss`) unless the file's tags already name their split (YOLO's
 * `val/box_loss`). Roles are recomputed from the final name and the group's split.
 */
function nameSeries(groups: readonly SplitGroup[]): { series: Series[]; issues: Issue[] } {
  const series: Series[] = [];
  const issues: Issue[] = [];
  const used = new Set<string>();
  const ordered = [...groups].sort((a, b) => (a.split === "" ? -1 : b.split === "" ? 1 : 0));
  for (const group of ordered) {
    const built = group.builder.build();
    issues.push(...built.issues);
    const prefix = group.split !== "" && !tagsNameTheirSplit(built.series.map((s) => s.tag)) ? `${group.split}/` : "";
    for (const s of built.series) {
      let tag = `${prefix}${s.tag}`;
      if (used.has(tag) && group.split !== "") tag = `${group.split}/${s.tag}`;
      used.add(tag);
      if (tag === s.tag) series.push(s);
      else series.push({ ...s, tag, ...classifyTag(tag, group.context) });
    }
  }
  return { series, issues };
}

/** Builds the run of one directory from its split groups, plus run-level issues. */
export function assembleRun(input: AssembleInput): { run: TrainingRun | undefined; issues: Issue[] } {
  const { series, issues } = nameSeries(input.groups);
  const hparamCount = Object.keys(input.hparams).length;
  const path = commonDirectory(input.files) || (input.files.length === 1 ? (input.files[0] ?? "") : "");
  const name = path === "" ? baseName(input.files[0] ?? "tfevents") : path;
  const training = series.filter((s) => !PLACEHOLDER_TAGS.has(s.tag));
  // Run-level issues point at the file when the run is one file (flattened folders hold many runs).
  const where = { file: input.files.length === 1 ? (input.files[0] ?? path) : path };
  if (training.length === 0 && hparamCount > 0) {
    issues.push({ code: "tfevents-hparams-only", severity: "warning", message: msg.hparamsOnly(hparamCount), location: where });
  } else if (series.length === 0 && Object.keys(input.stats.skipped).length > 0) {
    issues.push({ code: "tfevents-no-scalars", severity: "warning", message: msg.noScalars(msg.skippedSummary(input.stats.skipped)), location: where });
  }
  if (series.length === 0 && hparamCount === 0) return { run: undefined, issues };
  const tags = series.map((s) => s.tag);
  const hints = { v2Files: input.files.some((f) => f.endsWith(".v2")), simpleValues: input.stats.simpleValues > 0 };
  const run: TrainingRun = {
    name,
    source: { path, format: "tfevents", files: [...input.files] },
    framework: detectFramework(tags, hints),
    series,
    hparams: { ...input.hparams },
  };
  return { run, issues };
}
