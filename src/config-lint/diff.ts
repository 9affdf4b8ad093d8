import type { ConfigFact } from "../domain/training-config.js";
import type { LintFinding, LintResult } from "./types.js";

/** A fact whose value a revision changed (`lr 1e-3 → 1.0`); `before` is null for new facts. */
export interface LintChange {
  key: string;
  file: string;
  line: number;
  before: string | null;
  after: string;
}

export interface LintDiff {
  changes: LintChange[];
  /** Findings in head with no counterpart in base. */
  introduced: LintFinding[];
  /** Findings present in both (reported with their head location). */
  preexisting: LintFinding[];
  /** Findings in base that head no longer has (with their base location). */
  fixed: LintFinding[];
}

function shown(fact: ConfigFact): string {
  return fact.text ?? String(fact.value);
}

/** Groups items by key, preserving order, so the n-th occurrence in base pairs with the n-th in head. */
function group<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(keyOf(item), [...(map.get(keyOf(item)) ?? []), item]);
  return map;
}

function factChanges(base: ConfigFact[], head: ConfigFact[]): LintChange[] {
  const before = group(base, (f) => `${f.file}\u0000${f.key}`);
  const changes: LintChange[] = [];
  for (const [key, facts] of group(head, (f) => `${f.file}\u0000${f.key}`)) {
    const old = before.get(key) ?? [];
    facts.forEach((fact, index) => {
      const previous = old[index];
      if (previous !== undefined && previous.value === fact.value) return;
      changes.push({ key: fact.key, file: fact.file, line: fact.line, before: previous === undefined ? null : shown(previous), after: shown(fact) });
    });
  }
  return changes;
}

/** Findings match by rule id + file + fact key (never by line: edits above a line move it). */
function findingKey(finding: LintFinding): string {
  return `${finding.id}\u0000${finding.file}\u0000${finding.key ?? finding.message}`;
}

/**
 * Compares the lint of a base and a head revision: changed facts, and findings split into introduced,
 * pre-existing and fixed. Pure and deterministic (head order is kept).
 */
export function diffLint(base: LintResult, head: LintResult): LintDiff {
  const remaining = group(base.findings, findingKey);
  const introduced: LintFinding[] = [];
  const preexisting: LintFinding[] = [];
  for (const finding of head.findings) {
    const candidates = remaining.get(findingKey(finding));
    if (candidates !== undefined && candidates.length > 0) {
      candidates.shift();
      preexisting.push(finding);
    } else {
      introduced.push(finding);
    }
  }
  const fixed = [...remaining.values()].flat();
  return { changes: factChanges(base.facts, head.facts), introduced, preexisting, fixed };
}

/** One-line summary of a change for PR comments: `lr 1e-3 → 1.0 (train.py:12)`, `batchSize (new) → 2 (...)`. */
export function formatChange(change: LintChange): string {
  return `${change.key} ${change.before ?? "(new)"} → ${change.after} (${change.file}:${change.line})`;
}
