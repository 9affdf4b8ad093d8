import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "../../../src/domain/issue.js";
import { decodeSource } from "../../../src/config-lint/read-sources.js";
import type { LintResult } from "../../../src/config-lint/lint.js";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const CONFIG_FIXTURES = resolve(REPO_ROOT, "test/fixtures/configs");
export const LINT_GOLDEN = resolve(REPO_ROOT, "test/golden/config-lint");

/** Reads a fixture as the CLI does (bytes → text with encoding detection). */
export function readFixture(relativePath: string, issues: Issue[] = []): { path: string; text: string } {
  const data = readFileSync(resolve(CONFIG_FIXTURES, relativePath));
  return { path: relativePath, text: decodeSource(relativePath, data, issues) };
}

/** Golden view: findings without the long messages' volatile parts (nothing volatile today), facts, issues. */
export function goldenView(result: LintResult): object {
  return {
    findings: result.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      line: f.line,
      ...(f.column !== undefined ? { column: f.column } : {}),
      ...(f.cell !== undefined ? { cell: f.cell, cellLine: f.cellLine } : {}),
      key: f.key,
      message: f.message,
      fix: f.fix ?? null,
    })),
    facts: result.facts.map((f) => ({ key: f.key, value: f.value, line: f.line, ...(f.text !== undefined ? { text: f.text } : {}) })),
    issues: result.issues.map((i) => ({ code: i.code, severity: i.severity, line: i.location?.line ?? null, message: i.message })),
  };
}
