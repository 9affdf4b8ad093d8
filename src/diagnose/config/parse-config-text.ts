import { parse as parseYaml } from "yaml";
import type { Issue } from "../../domain/issue.js";
import type { HparamValue } from "../../domain/run.js";
import { configMessages } from "../cause-messages.js";

/** Nesting depth followed when flattening a config object (deeper values are ignored). */
export const MAX_CONFIG_DEPTH = 8;

/**
 * Flattens a parsed YAML/JSON document into `a.b.c` keys with scalar values. Nulls and arrays are
 * skipped (unknown is not false); nested objects such as `optimizer: {name: adam, lr: 0.001}` become
 * `optimizer.name`, `optimizer.lr`.
 */
export function flattenConfigObject(value: unknown, prefix = "", depth = 0, out: Record<string, HparamValue> = {}): Record<string, HparamValue> {
  if (depth > MAX_CONFIG_DEPTH || value === null || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof child === "string" || typeof child === "number" || typeof child === "boolean") out[path] = child;
    else flattenConfigObject(child, path, depth + 1, out);
  }
  return out;
}

/** Parses a `--config` file's text (YAML or JSON, chosen by content) into flat hyperparameters. */
export function parseConfigText(text: string, path: string): { hparams: Record<string, HparamValue>; issues: Issue[] } {
  try {
    const doc: unknown = /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      return { hparams: {}, issues: [{ code: "config-not-a-mapping", severity: "warning", message: configMessages.notAMapping(path), location: { file: path } }] };
    }
    return { hparams: flattenConfigObject(doc), issues: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    return { hparams: {}, issues: [{ code: "config-unparsable", severity: "error", message: configMessages.unparsable(path, detail), location: { file: path } }] };
  }
}
