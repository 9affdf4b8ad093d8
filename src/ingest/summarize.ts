import type { Issue } from "../domain/issue.js";
import type { Framework, HparamValue, RunSource, TrainingRun } from "../domain/run.js";
import type { MetricDirection, Series, SeriesRole, StepUnit } from "../domain/series.js";
import type { IngestResult } from "./types.js";

/** One series as `inspect` shows it (schema/inspect.schema.json). */
export interface SeriesSummary {
  tag: string;
  role: SeriesRole;
  direction: MetricDirection;
  stepUnit: StepUnit;
  points: number;
  firstStep: number | null;
  lastStep: number | null;
  /** Smallest and largest finite value; null when there is none. */
  min: number | null;
  max: number | null;
  /** Last finite value; null when there is none. */
  last: number | null;
  nanCount: number;
  infCount: number;
  hasWallTime: boolean;
}

export interface RunSummary {
  name: string;
  source: RunSource;
  framework: Framework;
  series: SeriesSummary[];
  hparams: Record<string, HparamValue>;
}

/** The `inspect --json` document. */
export interface InspectJson {
  runs: RunSummary[];
  issues: Issue[];
}

/** Summarises one series: counts, step range, finite min/max and non-finite counts. */
export function summarizeSeries(series: Series): SeriesSummary {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let last: number | null = null;
  let nanCount = 0;
  let infCount = 0;
  for (const value of series.values) {
    if (Number.isNaN(value)) nanCount++;
    else if (!Number.isFinite(value)) infCount++;
    else {
      if (value < min) min = value;
      if (value > max) max = value;
      last = value;
    }
  }
  const points = series.steps.length;
  return {
    tag: series.tag,
    role: series.role,
    direction: series.direction,
    stepUnit: series.stepUnit,
    points,
    firstStep: points > 0 ? (series.steps[0] ?? null) : null,
    lastStep: points > 0 ? (series.steps[points - 1] ?? null) : null,
    min: Number.isFinite(min) ? min : null,
    max: Number.isFinite(max) ? max : null,
    last,
    nanCount,
    infCount,
    hasWallTime: series.wallTimes !== undefined,
  };
}

export function summarizeRun(run: TrainingRun): RunSummary {
  return { name: run.name, source: run.source, framework: run.framework, series: run.series.map(summarizeSeries), hparams: run.hparams };
}

/** The whole ingest result as plain JSON-safe data. */
export function toInspectJson(result: IngestResult): InspectJson {
  return { runs: result.runs.map(summarizeRun), issues: result.issues };
}
