import type { ConfigFact } from "../domain/training-config.js";
import type { Issue } from "../domain/issue.js";
import type { Severity } from "../domain/severity.js";

/** A one-line text replacement (1-based line, 1-based columns, `endColumn` exclusive). */
export interface LintReplacement {
  line: number;
  startColumn: number;
  endColumn: number;
  text: string;
}

/** How to fix a finding; `replacement` is present when a one-line edit fixes it (PR `suggestion`). */
export interface LintFix {
  description: string;
  replacement?: LintReplacement;
}

/** One rule violation at a source location. */
export interface LintFinding {
  /** Rule id (kebab-case, config key, docs anchor in docs/diagnostics/lint-rules.md). */
  id: string;
  severity: Severity;
  file: string;
  /** 1-based line in `file` (for notebooks: the line inside the .ipynb JSON when known). */
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  fix?: LintFix;
  /** Fact key the finding is about (`lr`, `batchSize`, ...): used to match findings across revisions. */
  key?: string;
  /** Notebooks only: 1-based code-cell index and line inside that cell. */
  cell?: number;
  cellLine?: number;
}

/** What the linter returns. Problems in the inputs are issues, never exceptions. */
export interface LintResult {
  findings: LintFinding[];
  facts: ConfigFact[];
  issues: Issue[];
}

/** Per-run options. Thresholds are keyed by rule id, then by threshold name (see rules/thresholds.ts). */
export interface LintOptions {
  disabled?: string[];
  severities?: Record<string, Severity>;
  thresholds?: Record<string, Record<string, number>>;
  /** Largest source file linted, in UTF-16 code units (notebooks: 4×, for their outputs). Default: 2,000,000. */
  maxFileChars?: number;
}

/** A fact with its exact position, so a fix can replace the value's source text. */
export interface LintFact extends ConfigFact {
  column?: number;
  endColumn?: number;
  cell?: number;
  cellLine?: number;
}
