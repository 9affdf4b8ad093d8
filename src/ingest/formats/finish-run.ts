import type { Issue } from "../../domain/issue.js";
import type { Framework, HparamValue, LogFormat, TrainingRun } from "../../domain/run.js";
import type { Series } from "../../domain/series.js";
import { ingestIssue } from "../messages.js";

/** File names too generic to name a run on their own; the parent directory is added. */
const GENERIC_NAMES = /^(metrics|results|history|training_history|trainer_state|training|train|log|logs|console|output|steps|events|progress|stdout|loss)$/i;

/** `runs/exp2/results.csv` → `exp2/results`; `archive.zip!a/b.csv` → `b`; `my_run.csv` → `my_run`. */
export function runName(path: string): string {
  const parts = path.split(/[/\\!]/).filter((part) => part !== "");
  const base = parts.at(-1) ?? path;
  const stem = base.replace(/\.(csv|tsv|json|jsonl|ndjson|log|txt|out)$/i, "");
  const parent = parts.at(-2);
  return GENERIC_NAMES.test(stem) && parent !== undefined ? `${parent}/${stem}` : stem;
}

/** The run read from one file: named after the file (`runName`), with its series and hparams. */
export function fileRun(path: string, format: LogFormat, framework: Framework, series: Series[], hparams: Record<string, HparamValue> = {}): TrainingRun {
  return { name: runName(path), source: { path, format, files: [path] }, framework, series, hparams };
}

/**
 * Final checks shared by every parser: a series whose points all share one step (MLflow metrics
 * logged without a step) gets the point order as its step, with an info issue.
 */
export function finishRun(run: TrainingRun): { run: TrainingRun; issues: Issue[] } {
  const issues: Issue[] = [];
  const series = run.series.map((entry) => {
    if (!hasConstantSteps(entry)) return entry;
    issues.push(ingestIssue("step-constant", { file: run.source.path }, entry.tag));
    const fixed: Series = { ...entry, steps: Float64Array.from(entry.steps, (_step, index) => index) };
    return fixed;
  });
  return { run: { ...run, series }, issues };
}

function hasConstantSteps(series: Series): boolean {
  const { steps } = series;
  if (steps.length < 2) return false;
  const first = steps[0];
  for (let i = 1; i < steps.length; i++) if (steps[i] !== first) return false;
  return true;
}
