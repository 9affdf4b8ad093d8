import type { Cause, Finding, Recommendation } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { CurveSignals } from "../causes/signals.js";

/** What a recommendation builder computes its values from. */
export interface RecommendationContext {
  run: TrainingRun;
  config: TrainingConfig;
  findings: readonly Finding[];
  signals: CurveSignals;
  /** The cause this recommendation addresses. */
  cause: Cause;
  /** All causes that get fixes in this diagnosis (so a fix can defer to another, e.g. clipping to lower-lr). */
  causes?: readonly Cause[];
}

/** One kind of fix with a stable kebab-case id (docs anchor). Returns null when it does not apply. */
export interface RecommendationBuilder {
  id: string;
  build(context: RecommendationContext): Recommendation | null;
}
