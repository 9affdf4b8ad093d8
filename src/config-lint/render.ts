import type { Severity } from "../domain/severity.js";
import type { LintFinding, LintResult } from "./types.js";

/** Text and JSON views of a lint result (pure; the CLI prints them). */

export interface LintJson {
  version: 1;
  summary: { files: number; error: number; warning: number; info: number; issues: number };
  findings: {
    id: string;
    severity: Severity;
    file: string;
    line: number;
    column?: number;
    cell?: number;
    cellLine?: number;
    message: string;
    fix: LintFinding["fix"] | null;
  }[];
  facts: LintResult["facts"];
  issues: LintResult["issues"];
}

function count(result: LintResult, severity: Severity): number {
  return result.findings.filter((f) => f.severity === severity).length;
}

/** JSON document described by schema/lint.schema.json. */
export function renderLintJson(result: LintResult, files: number): LintJson {
  return {
    version: 1,
    summary: { files, error: count(result, "error"), warning: count(result, "warning"), info: count(result, "info"), issues: result.issues.length },
    findings: result.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      file: f.file,
      line: f.line,
      ...(f.column !== undefined ? { column: f.column } : {}),
      ...(f.cell !== undefined ? { cell: f.cell, cellLine: f.cellLine } : {}),
      message: f.message,
      fix: f.fix ?? null,
    })),
    facts: result.facts,
    issues: result.issues,
  };
}

const COLORS: Readonly<Record<Severity, string>> = { error: "\u001b[31m", warning: "\u001b[33m", info: "\u001b[36m" };
const RESET = "\u001b[0m";

function location(f: LintFinding): string {
  const cell = f.cell !== undefined ? ` (cell ${f.cell}, line ${f.cellLine})` : "";
  return `${f.file}:${f.line}${f.column !== undefined ? `:${f.column}` : ""}${cell}`;
}

/** Compiler-style lines: `file:line:col  severity  rule-id  message`, the fix indented below. */
export function renderLintText(result: LintResult, files: number, options: { color?: boolean } = {}): string {
  const paint = (severity: Severity, text: string): string => (options.color ? `${COLORS[severity]}${text}${RESET}` : text);
  const lines: string[] = [];
  for (const f of result.findings) {
    lines.push(`${location(f)}  ${paint(f.severity, f.severity)}  ${f.id}  ${f.message}`);
    if (f.fix) lines.push(`    fix: ${f.fix.description}${f.fix.replacement ? ` (line ${f.fix.replacement.line}: → ${f.fix.replacement.text})` : ""}`);
  }
  for (const issue of result.issues) {
    const where = issue.location?.file ? `${issue.location.file}${issue.location.line ? `:${issue.location.line}` : ""}  ` : "";
    lines.push(`${where}${issue.severity}  ${issue.code}  ${issue.message}`);
  }
  const summary = `${count(result, "error")} error(s), ${count(result, "warning")} warning(s), ${count(result, "info")} info in ${files} file(s)`;
  const issues = result.issues.length > 0 ? ` ${result.issues.length} input issue(s).` : "";
  lines.push(`${result.findings.length === 0 ? `No findings in ${files} file(s).` : `${summary}.`}${issues}`);
  return `${lines.join("\n")}\n`;
}
