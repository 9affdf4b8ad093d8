import type { Cause, Finding, Recommendation } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { CurveSignals } from "../causes/signals.js";
import { FIXES_BY_CAUSE } from "./registry.js";

/** Options of recommendation building. */
export interface RecommendOptions {
  /** Only causes scoring at least this get fixes. Default 0.3. */
  minCauseScore?: number;
  /** At most this many causes get fixes. Default 4. */
  maxCauses?: number;
}

export const DEFAULT_MIN_CAUSE_SCORE = 0.3;
export const DEFAULT_MAX_CAUSES = 4;

/**
 * Concrete fixes for the ranked causes, in cause order (each fix id once: the first, most likely cause
 * claims it). Values are computed from the run and config (see each builder).
 */
export function recommendFixes(
  run: TrainingRun,
  config: TrainingConfig,
  findings: readonly Finding[],
  signals: CurveSignals,
  causes: readonly Cause[],
  options: RecommendOptions = {},
): Recommendation[] {
  const minScore = options.minCauseScore ?? DEFAULT_MIN_CAUSE_SCORE;
  const maxCauses = options.maxCauses ?? DEFAULT_MAX_CAUSES;
  const seen = new Set<string>();
  const out: Recommendation[] = [];
  const fixed = causes.filter((c) => c.score >= minScore).slice(0, maxCauses);
  for (const cause of fixed) {
    for (const builder of FIXES_BY_CAUSE[cause.id] ?? []) {
      if (seen.has(builder.id)) continue;
      const rec = builder.build({ run, config, findings, signals, cause, causes: fixed });
      if (rec === null) continue;
      seen.add(builder.id);
      out.push(rec);
    }
  }
  return out;
}
