import type { Cause, Finding } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { CAUSE_SCORERS } from "./registry.js";
import { computeSignals, type CurveSignals } from "./signals.js";
import { CAUSE_THRESHOLDS } from "./thresholds.js";
import { Tally, type CauseScorer } from "./types.js";

/** Options of cause ranking. */
export interface RankCausesOptions {
  /** Causes scoring below this are dropped. Default CAUSE_THRESHOLDS.minScore (0.2). */
  minScore?: number;
  /** Cause ids to skip. */
  disabled?: string[];
  /** Scorers to use instead of the built-in ones (tests, plugins). */
  scorers?: readonly CauseScorer[];
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Rounds a score for stable output (goldens, JSON). */
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Ranks root causes for a run.
 *
 * 1. Curve signals are computed once (chance level, early explosion, NaN from start, ...).
 * 2. Every scorer adds weighted evidence for and against its cause (log-odds).
 * 3. score = logistic(baseLogit + Σ weights); causes below `minScore` are dropped; sorted by score.
 *
 * When the curves show problems, a cause backed only by configuration facts (none of the symptoms) loses
 * half of that weight: it should explain what is seen. Without any warning/error finding, a cause needs CAUSE_THRESHOLDS.minScoreWithoutSymptoms: only
 * configuration facts that make a problem likely (Adam lr 1.0, batch 1, shuffle off) get through.
 */
export function rankCauses(
  run: TrainingRun,
  config: TrainingConfig,
  findings: readonly Finding[],
  options: RankCausesOptions = {},
  signals: CurveSignals = computeSignals(run, config, findings),
): Cause[] {
  if (!signals.hasData) return [];
  const minScore = Math.max(options.minScore ?? CAUSE_THRESHOLDS.minScore, signals.problem ? 0 : CAUSE_THRESHOLDS.minScoreWithoutSymptoms);
  const disabled = new Set(options.disabled ?? []);
  const causes: Cause[] = [];
  for (const scorer of options.scorers ?? CAUSE_SCORERS) {
    if (disabled.has(scorer.id)) continue;
    const tally = new Tally();
    scorer.assess({ run, config, findings, signals }, tally);
    if (tally.for.length === 0) continue;
    const unexplained = signals.problem && tally.curveWeight === 0 ? tally.configWeight * CAUSE_THRESHOLDS.configOnlyDiscount : 0;
    const score = round3(logistic(CAUSE_THRESHOLDS.baseLogit + tally.logit - unexplained));
    if (score >= minScore) causes.push({ id: scorer.id, score, evidence: { for: tally.for, against: tally.against } });
  }
  return causes.sort((a, b) => b.score - a.score);
}
