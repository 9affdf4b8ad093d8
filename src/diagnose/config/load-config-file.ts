// The one edge file of src/diagnose (the agreed contract location of the --config loader): it only reads
// bytes and hands them to the pure parseConfigText.
import { readFile } from "node:fs/promises";
import type { Issue } from "../../domain/issue.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import { configMessages } from "../cause-messages.js";
import { normalizeHparams } from "./normalize-hparams.js";
import { parseConfigText } from "./parse-config-text.js";

/** Largest config file read (bytes). */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Edge: reads a `--config <yaml|json>` file and normalises it. Unreadable or malformed files yield
 * issues (the caller decides whether that is a usage error).
 */
export async function loadConfigFile(path: string): Promise<{ config: TrainingConfig; issues: Issue[] }> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_CONFIG_FILE_BYTES) {
      return { config: {}, issues: [{ code: "config-too-large", severity: "error", message: configMessages.tooLarge(path, MAX_CONFIG_FILE_BYTES), location: { file: path } }] };
    }
    text = bytes.toString("utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: {}, issues: [{ code: "config-unreadable", severity: "error", message: configMessages.unreadable(path, reason), location: { file: path } }] };
  }
  const { hparams, issues } = parseConfigText(text, path);
  return { config: normalizeHparams(hparams), issues };
}
