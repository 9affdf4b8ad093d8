import { parse as parseToml, TomlError } from "smol-toml";
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from "yaml";
import type { HparamValue } from "../../domain/run.js";
import type { Issue } from "../../domain/issue.js";
import { emptyModel, type FileModel, type ValueRef } from "../model.js";
import { messages } from "../messages.js";
import { applyConfigEntry, finishConfig, newPending } from "./config-keys.js";

/** Structured configs: every scalar leaf with its path and exact position, fed to config-keys. */

export type StructuredFormat = "yaml" | "json" | "toml";

interface Leaf {
  path: string[];
  ref: ValueRef;
}

function scalarValue(value: unknown): HparamValue | null {
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : null;
}

function yamlLeaves(node: unknown, path: string[], text: string, lines: LineCounter, out: Leaf[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      yamlLeaves(pair.value, [...path, key], text, lines, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => yamlLeaves(item, [...path, String(index)], text, lines, out));
  } else if (isScalar(node) && (node as YamlNode).range) {
    const [start, end] = (node as YamlNode).range!;
    const from = lines.linePos(start);
    const to = lines.linePos(end);
    const value = scalarValue(node.value);
    const span = { line: from.line, column: from.col, endLine: to.line, endColumn: to.col, text: text.slice(start, end) };
    out.push({ path, ref: { value, span, editable: value !== null && to.line === from.line } });
  }
}

function readYaml(text: string, file: string, issues: Issue[]): Leaf[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const leaves: Leaf[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error !== undefined) {
      const pos = lines.linePos(error.pos[0]);
      issues.push({ code: "config-syntax-error", severity: "warning", message: messages.configSyntax(file, error.message.split("\n")[0] ?? ""), location: { file, line: pos.line, column: pos.col } });
      continue;
    }
    yamlLeaves(doc.contents, [], text, lines, leaves);
  }
  return leaves;
}

function readJson(text: string, file: string, issues: Issue[]): Leaf[] {
  try {
    JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = Number(/position (\d+)/.exec(detail)?.[1] ?? Number.NaN);
    const line = Number.isFinite(position) ? text.slice(0, position).split("\n").length : 1;
    issues.push({ code: "config-syntax-error", severity: "warning", message: messages.configSyntax(file, detail), location: { file, line } });
    return [];
  }
  return readYaml(text, file, issues);
}

function lookup(root: unknown, path: string[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function tomlKey(raw: string): string[] {
  return raw.split(".").map((k) => k.trim().replace(/^["']|["']$/g, ""));
}

/** TOML: values from smol-toml, positions from a line scan of `[table]` headers and `key = value` lines. */
function readToml(text: string, file: string, issues: Issue[]): Leaf[] {
  let root: unknown;
  try {
    root = parseToml(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line : 1;
    const detail = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    issues.push({ code: "config-syntax-error", severity: "warning", message: messages.configSyntax(file, detail), location: { file, line } });
    return [];
  }
  const leaves: Leaf[] = [];
  let table: string[] = [];
  text.split("\n").forEach((raw, index) => {
    const header = /^\s*\[\[?([^\]]+)\]\]?\s*(#.*)?$/.exec(raw);
    if (header?.[1] !== undefined) {
      table = tomlKey(header[1]);
      return;
    }
    const entry = /^(\s*)([A-Za-z0-9_.\-"' ]+?)\s*=\s*([^#\n]*?)\s*(#.*)?$/.exec(raw);
    if (entry === null) return;
    const path = [...table, ...tomlKey(entry[2] ?? "")];
    const value = scalarValue(lookup(root, path));
    const valueText = entry[3] ?? "";
    const column = raw.indexOf(valueText, (entry[1] ?? "").length + (entry[2] ?? "").length) + 1;
    const span = { line: index + 1, column, endLine: index + 1, endColumn: column + valueText.length, text: valueText };
    leaves.push({ path, ref: { value, span, editable: value !== null } });
  });
  return leaves;
}

/** Builds the file model of a YAML/JSON/TOML config. Syntax errors become issues. */
export function extractStructured(text: string, file: string, format: StructuredFormat): { model: FileModel; issues: Issue[] } {
  const issues: Issue[] = [];
  const leaves = format === "toml" ? readToml(text, file, issues) : format === "json" ? readJson(text, file, issues) : readYaml(text, file, issues);
  const model = emptyModel(file, "config");
  const pending = newPending();
  for (const leaf of leaves) {
    if (leaf.ref.value !== null) applyConfigEntry(model, pending, leaf.path, leaf.ref);
  }
  finishConfig(model, pending);
  return { model, issues };
}
