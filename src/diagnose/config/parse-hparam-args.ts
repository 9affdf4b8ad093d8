import type { Issue } from "../../domain/issue.js";
import type { HparamValue } from "../../domain/run.js";
import { configMessages } from "../cause-messages.js";

/** Parses a `--hparam` value: numbers and booleans are typed, everything else stays text. */
export function parseHparamValue(text: string): HparamValue {
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  const n = Number(trimmed);
  return trimmed !== "" && Number.isFinite(n) ? n : trimmed;
}

/**
 * Parses `--hparam key=value` arguments (`lr=1e-3`, `optimizer=adam`, `batchnorm=false`).
 * Malformed arguments become issues with code `hparam-malformed`, never exceptions.
 */
export function parseHparamArgs(args: readonly string[]): { hparams: Record<string, HparamValue>; issues: Issue[] } {
  const hparams: Record<string, HparamValue> = {};
  const issues: Issue[] = [];
  for (const arg of args) {
    const eq = arg.indexOf("=");
    const key = eq > 0 ? arg.slice(0, eq).trim() : "";
    if (key === "") {
      issues.push({ code: "hparam-malformed", severity: "error", message: configMessages.hparamMalformed(arg) });
      continue;
    }
    hparams[key] = parseHparamValue(arg.slice(eq + 1));
  }
  return { hparams, issues };
}
