import type { GitHub, RepoRef } from "../github/types.js";
import { isCommitSha, type AppConfigCache } from "./config-cache.js";
import { CONFIG_PATH, configMessages } from "./messages.js";
import { MAX_CONFIG_BYTES, parseAppConfig, type ParsedAppConfig } from "./parse.js";

/** Issue code of a config that could not be read (a transient failure: never cached). */
const UNREADABLE = "config-unreadable";

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
    return { ...parseAppConfig(null), issues: [{ code: UNREADABLE, severity: "warning", message: configMessages.unreadable(), location: { file: CONFIG_PATH } }], valid: false };
  }
  return parseAppConfig(text);
}

/** False for a config that could not be read this time (the next delivery should try again). */
export const isCacheableConfig = (c: ParsedAppConfig): boolean => !c.issues.some((i) => i.code === UNREADABLE);

/**
 * `loadAppConfig` through an in-memory cache (edge): at a commit sha the file cannot change, so each
 * (repository, sha) is fetched once per process; branch refs and the default branch always fetch.
 */
export async function loadAppConfigCached(octokit: GitHub, repo: RepoRef, ref: string | undefined, cache: AppConfigCache | undefined): Promise<ParsedAppConfig> {
  if (cache === undefined || !isCommitSha(ref)) return loadAppConfig(octokit, repo, ref);
  return cache.getOrLoad(`${repo.owner}/${repo.repo}`, ref, () => loadAppConfig(octokit, repo, ref), isCacheableConfig);
}
