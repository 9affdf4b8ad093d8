import type { Parser } from "web-tree-sitter";
import type { Issue } from "../domain/issue.js";
import type { Severity } from "../domain/severity.js";
import { factsOf } from "./facts.js";
import { messages } from "./messages.js";
import type { FileModel } from "./model.js";
import { readNotebook, type NotebookLine } from "./notebook.js";
import { extractPython } from "./python/extract-python.js";
import { loadPythonParser } from "./python/load-parser.js";
import { LINT_RULES } from "./rules/registry.js";
import type { RuleHit } from "./rules/rule.js";
import { DEFAULT_MAX_FILE_CHARS, NOTEBOOK_SIZE_FACTOR, prepareText, sourceKind } from "./source-text.js";
import { extractStructured } from "./structured/extract-structured.js";
import type { LintFact, LintFinding, LintOptions, LintReplacement, LintResult } from "./types.js";

export type { LintFact, LintFinding, LintFix, LintOptions, LintReplacement, LintResult } from "./types.js";

/**
 * Config lint pipeline, per file:
 *   1. prepareText: size limit, binary check, BOM;
 *   2. extract a FileModel: Python (tree-sitter) / notebook code cells / YAML, JSON, TOML;
 *   3. factsOf(model) → ConfigFacts; every enabled rule → findings (severity overrides applied);
 *   4. notebook lines mapped back to cell/line and the .ipynb JSON line.
 * Never throws on user data: problems are issues. Async only because the wasm parser loads lazily.
 */

/** What is needed to map a notebook's concatenated code back to the .ipynb JSON text. */
interface NotebookMap {
  lines: NotebookLine[];
  codeLines: string[];
  jsonLines: string[];
}

interface Extracted {
  model: FileModel;
  lineMap: NotebookMap | null;
}

function pythonModel(parser: Parser, code: string, file: string, issues: Issue[]): FileModel {
  const tree = parser.parse(code);
  if (tree === null) return extractStructured("", file, "yaml").model;
  try {
    const { model, syntax } = extractPython(tree, code, file);
    const first = syntax.syntaxErrors[0];
    if (first !== undefined) {
      issues.push({ code: "python-syntax-error", severity: "warning", message: messages.pythonSyntax(first.line, first.text), location: { file, line: first.line, column: first.column } });
    }
    return model;
  } finally {
    tree.delete();
  }
}

async function extract(path: string, text: string, issues: Issue[], parser: () => Promise<Parser | null>): Promise<Extracted | null> {
  const kind = sourceKind(path);
  if (kind === null) {
    issues.push({ code: "unsupported-file", severity: "info", message: messages.unsupported(), location: { file: path } });
    return null;
  }
  if (kind === "yaml" || kind === "json" || kind === "toml") {
    const { model, issues: found } = extractStructured(text, path, kind);
    issues.push(...found);
    return { model, lineMap: null };
  }
  const python = await parser();
  if (python === null) return null;
  if (kind === "python") return { model: pythonModel(python, text, path, issues), lineMap: null };
  const notebook = readNotebook(path, text, issues);
  if (notebook === null) return null;
  const before = issues.length;
  const model = pythonModel(python, notebook.code, path, issues);
  for (const issue of issues.slice(before)) {
    const mapped = issue.location?.line === undefined ? undefined : notebook.lines[issue.location.line - 1];
    if (mapped !== undefined && issue.location) issue.location = { file: path, line: mapped.jsonLine ?? mapped.cellLine };
    if (mapped !== undefined) issue.message = `Cell ${mapped.cell}, line ${mapped.cellLine}: ${issue.message}`;
  }
  return { model, lineMap: { lines: notebook.lines, codeLines: notebook.code.split("\n"), jsonLines: text.split("\n") } };
}

function thresholdsFor(id: string, defaults: Readonly<Record<string, number>>, options: LintOptions): Record<string, number> {
  return { ...defaults, ...(options.thresholds?.[id] ?? {}) };
}

function toFinding(id: string, file: string, hit: RuleHit, severity: Severity | undefined): LintFinding {
  const finding: LintFinding = { id, severity: severity ?? hit.severity, file, line: hit.line, message: hit.message, key: hit.key };
  if (hit.column !== undefined) finding.column = hit.column;
  if (hit.endLine !== undefined) finding.endLine = hit.endLine;
  if (hit.fix !== undefined) finding.fix = hit.fix;
  return finding;
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * A replacement inside a notebook cell, moved onto the .ipynb JSON line that holds that source line
 * (`    "lr = 1.0\n",`). Kept only when the JSON text at the computed columns is exactly the escaped
 * original, so a PR suggestion can never corrupt the notebook.
 */
function mapReplacement(replacement: LintReplacement, map: NotebookMap): LintReplacement | undefined {
  const at = map.lines[replacement.line - 1];
  const code = map.codeLines[replacement.line - 1];
  if (at === undefined || code === undefined || at.jsonLine === null || at.jsonColumn === null) return undefined;
  const original = jsonEscaped(code.slice(replacement.startColumn - 1, replacement.endColumn - 1));
  const startColumn = at.jsonColumn + jsonEscaped(code.slice(0, replacement.startColumn - 1)).length;
  const endColumn = startColumn + original.length;
  if (map.jsonLines[at.jsonLine - 1]?.slice(startColumn - 1, endColumn - 1) !== original) return undefined;
  return { line: at.jsonLine, startColumn, endColumn, text: jsonEscaped(replacement.text) };
}

/** Re-points a finding or fact at the notebook cell and the JSON line (columns refer to the cell). */
function mapNotebook<T extends LintFinding | LintFact>(item: T, map: NotebookMap): T {
  const mapped = map.lines[item.line - 1];
  if (mapped === undefined) return item;
  const out = { ...item, line: mapped.jsonLine ?? item.line, cell: mapped.cell, cellLine: mapped.cellLine };
  delete (out as LintFinding).column;
  delete (out as LintFinding).endLine;
  delete (out as LintFact).endColumn;
  if ("fix" in out && out.fix?.replacement !== undefined) {
    const replacement = mapReplacement(out.fix.replacement, map);
    out.fix = replacement === undefined ? { description: out.fix.description } : { description: out.fix.description, replacement };
  }
  return out;
}

function runRules(model: FileModel, options: LintOptions): LintFinding[] {
  const disabled = new Set(options.disabled ?? []);
  return LINT_RULES.filter((rule) => !disabled.has(rule.id)).flatMap((rule) =>
    rule.check({ model, thresholds: thresholdsFor(rule.id, rule.thresholds, options) }).map((hit) => toFinding(rule.id, model.file, hit, options.severities?.[rule.id])),
  );
}

function byLocation(a: LintFinding, b: LintFinding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.id.localeCompare(b.id);
}

/** Lints training scripts, notebooks and hyperparameter files. */
export async function lintSources(files: { path: string; text: string }[], options: LintOptions = {}): Promise<LintResult> {
  const result: LintResult = { findings: [], facts: [], issues: [] };
  let parser: Promise<Parser | null> | undefined;
  const getParser = (): Promise<Parser | null> => {
    parser ??= loadPythonParser().catch((error: unknown) => {
      result.issues.push({ code: "parser-unavailable", severity: "error", message: messages.parserUnavailable(error instanceof Error ? error.message : String(error)) });
      return null;
    });
    return parser;
  };
  for (const file of files) {
    const limit = options.maxFileChars ?? DEFAULT_MAX_FILE_CHARS;
    // Notebooks carry outputs (plots, tables) next to a little code: allow them more room.
    const text = prepareText(file.path, file.text, sourceKind(file.path) === "notebook" ? limit * NOTEBOOK_SIZE_FACTOR : limit, result.issues);
    if (text === null) continue;
    let extracted: Extracted | null;
    try {
      extracted = await extract(file.path, text, result.issues, getParser);
    } catch (error) {
      // A bug in extraction must not hide the other files' results: report it on this file.
      result.issues.push({ code: "lint-failed", severity: "warning", message: messages.lintFailed(error instanceof Error ? error.message : String(error)), location: { file: file.path } });
      continue;
    }
    if (extracted === null) continue;
    const { model, lineMap } = extracted;
    const findings = runRules(model, options);
    const facts = factsOf(model);
    result.findings.push(...(lineMap ? findings.map((f) => mapNotebook(f, lineMap)) : findings));
    result.facts.push(...(lineMap ? facts.map((f) => mapNotebook(f, lineMap)) : facts));
  }
  result.findings.sort(byLocation);
  return result;
}
