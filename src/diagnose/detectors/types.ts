import type { Finding } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { Series } from "../../domain/series.js";
import type { PreparedSeries } from "./prepare-series.js";

/** What every detector sees: the run, its diagnosable series prepared once, and known facts. */
export interface DetectorContext {
  run: TrainingRun;
  /** Loss, metric and grad-norm series, prepared (direction-normalised, decimated, trended). */
  series: PreparedSeries[];
  /** The logged learning rate, when there is one (raw: only read at a few steps). */
  learningRate?: Series;
  /** Number of classes when known (enables the ln(C) chance level). */
  numClasses?: number;
}

/** One detector: a stable kebab-case id, its named thresholds and a pure check. */
export interface Detector<T extends Record<string, number> = Record<string, number>> {
  id: string;
  defaults: T;
  /** Finding ids that, on the same series, make this detector's finding redundant (it is dropped). */
  supersededBy?: readonly string[];
  detect(context: DetectorContext, options: T): Finding[];
}
