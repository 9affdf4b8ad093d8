import { LineCounter, isNode, parseDocument, type Document } from "yaml";
import type { Issue } from "../domain/issue.js";
import { AppConfigSchema, DEFAULT_APP_CONFIG, type AppConfig } from "./schema.js";
import { CONFIG_PATH, configMessages } from "./messages.js";

/** Largest config file accepted; a config is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** YAML alias expansions allowed (guards against "billion laughs" documents). */
const MAX_YAML_ALIASES = 100;

/** A parsed config plus the problems found; `valid` is false when defaults were used instead. */
export interface ParsedAppConfig {
  config: AppConfig;
  issues: Issue[];
  valid: boolean;
}

function invalid(issue: Issue): ParsedAppConfig {
  return { config: DEFAULT_APP_CONFIG, issues: [issue], valid: false };
}

function error(message: string, code: string, line?: number): Issue {
  return { code, severity: "error", message, location: line === undefined ? { file: CONFIG_PATH } : { file: CONFIG_PATH, line } };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return value === null ? "null" : `a ${typeof value}`;
}

/**
 * Parses and validates `.github/loss-doctor.yml` text (pure; never throws). `null` or an empty file
 * means all defaults. An invalid file yields the defaults plus error issues that say which field is
 * wrong, so the check run can report them instead of crashing.
 */
export function parseAppConfig(text: string | null): ParsedAppConfig {
  if (text === null || text.trim() === "") return { config: DEFAULT_APP_CONFIG, issues: [], valid: true };
  if (text.length > MAX_CONFIG_BYTES) return invalid(error(configMessages.tooLarge(text.length, MAX_CONFIG_BYTES), "config-too-large"));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    return invalid(error(configMessages.yamlSyntax((syntax.message.split("\n")[0] ?? syntax.code).replace(/ at line \d+, column \d+:?$/, "")), "config-yaml-syntax", syntax.linePos?.[0]?.line));
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return invalid(error(configMessages.yamlSyntax(e instanceof Error ? e.message : "unreadable"), "config-yaml-syntax"));
  }
  if (raw === null || raw === undefined) return { config: DEFAULT_APP_CONFIG, issues: [], valid: true };
  if (typeof raw !== "object" || Array.isArray(raw)) return invalid(error(configMessages.notAMapping(kindOf(raw)), "config-not-a-mapping"));
  const result = AppConfigSchema.safeParse(raw);
  if (result.success) return { config: result.data, issues: [], valid: true };
  const issues = result.error.issues.map((i) => {
    const path = i.path.map(String);
    const line = lineOf(doc, lineCounter, path);
    return error(configMessages.invalidField(path.join("."), i.message.toLowerCase()), "config-invalid-field", line);
  });
  return { config: DEFAULT_APP_CONFIG, issues, valid: false };
}

/** 1-based line of the YAML node at `path` (or its nearest existing parent). */
function lineOf(doc: Document, lines: LineCounter, path: string[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
