import type { Severity } from "../../domain/severity.js";
import type { FileModel, ValueRef } from "../model.js";
import type { LintFix, LintReplacement } from "../types.js";

/** What a rule reports; the linter adds the rule id, file and configured severity. */
export interface RuleHit {
  severity: Severity;
  line: number;
  column?: number;
  endLine?: number;
  message: string;
  fix?: LintFix;
  /** Fact key the hit is about, for matching across revisions (`lr`, `batchSize`). */
  key: string;
}

export interface RuleContext {
  model: FileModel;
  /** Defaults merged with the user's overrides for this rule. */
  thresholds: Readonly<Record<string, number>>;
}

/** One lint rule: a stable kebab-case id (= config key = docs anchor), named thresholds, a check. */
export interface LintRule {
  id: string;
  summary: string;
  /** Threshold names and documented defaults. */
  thresholds: Readonly<Record<string, number>>;
  check: (context: RuleContext) => RuleHit[];
}

/** A one-line replacement of a value's source text, when the value is a literal written on one line. */
export function replaceValue(ref: ValueRef | null | undefined, text: string): LintReplacement | undefined {
  if (ref === null || ref === undefined || !ref.editable || ref.span.line !== ref.span.endLine || ref.span.line < 1) return undefined;
  return { line: ref.span.line, startColumn: ref.span.column, endColumn: ref.span.endColumn, text };
}

export function fixWith(description: string, replacement: LintReplacement | undefined): LintFix {
  return replacement === undefined ? { description } : { description, replacement };
}

/** Location fields of a hit on a value. */
export function at(ref: ValueRef): Pick<RuleHit, "line" | "column" | "endLine"> {
  return { line: ref.span.line, column: ref.span.column, endLine: ref.span.endLine };
}

export function threshold(context: RuleContext, name: string): number {
  const value = context.thresholds[name];
  if (value === undefined) throw new Error(`unknown threshold ${name}`);
  return value;
}

/** How a numeric value is shown in messages: its literal as written (`1.0`), else the formatted number. */
export function shown(ref: ValueRef): string | number {
  return /^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(ref.span.text.trim()) ? ref.span.text.trim() : typeof ref.value === "number" ? ref.value : String(ref.value);
}
