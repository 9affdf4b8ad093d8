import type { GitHub, RepoRef } from "../github/types.js";
import { CONFIG_PATH, configMessages } from "./messages.js";
import { MAX_CONFIG_BYTES, parseAppConfig, type ParsedAppConfig } from "./parse.js";

function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;
}

/**
 * Loads `.github/loss-doctor.yml` at `ref` through the contents API (edge). A missing file means the
 * defaults; an invalid or unreadable one means the defaults plus issues for the check run — never a throw
 * for user mistakes.
 */
export async function loadAppConfig(octokit: GitHub, repo: RepoRef, ref: string | undefined): Promise<ParsedAppConfig> {
  let text: string;
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: CONFIG_PATH, ...(ref === undefined ? {} : { ref }) });
    if (Array.isArray(data) || data.type !== "file") return parseAppConfig("[]");
    if (data.size > MAX_CONFIG_BYTES) return parseAppConfig("x".repeat(MAX_CONFIG_BYTES + 1));
    text = Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (statusOf(error) === 404) return parseAppConfig(null);
    return { ...parseAppConfig(null), issues: [{ code: "config-unreadable", severity: "warning", message: configMessages.unreadable(), location: { file: CONFIG_PATH } }], valid: false };
  }
  return parseAppConfig(text);
}
