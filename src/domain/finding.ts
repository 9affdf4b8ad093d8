import type { Severity } from "./severity.js";

/** A numeric or textual piece of evidence attached to a finding. */
export type EvidenceValue = number | string | boolean | null;

/**
 * A diagnosis result from one detector on one series. Findings are results, not errors.
 * `id` is the detector id (kebab-case, also the config key and docs anchor).
 */
export interface Finding {
  id: string;
  severity: Severity;
  /** 0..1, how sure the detector is. */
  confidence: number;
  /** Tag of the series the finding is about. */
  series: string;
  fromStep: number;
  toStep: number;
  /** The numbers that triggered the finding (steps, ratios, slopes, ...). */
  evidence: Record<string, EvidenceValue>;
  /** Short user-facing sentence, from the detector message catalogue. */
  message: string;
}

/** A likely root cause, ranked by score. */
export interface Cause {
  id: string;
  /** 0..1; higher is more likely. */
  score: number;
  evidence: { for: string[]; against: string[] };
}

/** Ready-to-paste code for the frameworks we know. */
export interface RecommendationCode {
  keras: string;
  pytorch: string;
}

/** A concrete change computed from the run, e.g. `lr` 1.0 → 1e-3. */
export interface Recommendation {
  id: string;
  /** The cause this addresses. */
  cause: string;
  parameter: string;
  current: string | null;
  proposed: string;
  why: string;
  expectedEffect: string;
  code: RecommendationCode;
}
