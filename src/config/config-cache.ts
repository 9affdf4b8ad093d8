import type { ParsedAppConfig } from "./parse.js";

/** Default number of (repository, commit) configs kept in memory. */
export const DEFAULT_CONFIG_CACHE_ENTRIES = 512;

/** A full 40-hex (SHA-1) or 64-hex (SHA-256) commit id: the only refs whose file contents never change. */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** True when `ref` names one immutable commit (branch names and `undefined` = default branch do not). */
export const isCommitSha = (ref: string | undefined): ref is string => ref !== undefined && COMMIT_SHA.test(ref);

/**
 * In-memory LRU of parsed `.github/loss-doctor.yml` per `owner/repo@sha` (the file is immutable per
 * commit). Holds promises, so concurrent deliveries for the same commit share one GitHub request.
 * Results that only mean "could not read it this time" are not kept (the caller says which).
 */
export class AppConfigCache {
  private readonly entries = new Map<string, Promise<ParsedAppConfig>>();

  constructor(readonly maxEntries: number = DEFAULT_CONFIG_CACHE_ENTRIES) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached config of `repo@sha` without loading (a hit refreshes its recency), or undefined. */
  peek(repo: string, sha: string): Promise<ParsedAppConfig> | undefined {
    const key = `${repo}@${sha}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /**
   * The config of `repo@sha`: cached, or `load()`ed once (concurrent callers share it). A load that
   * throws or whose result `keep` rejects is evicted, so the next delivery tries again.
   */
  async getOrLoad(repo: string, sha: string, load: () => Promise<ParsedAppConfig>, keep: (c: ParsedAppConfig) => boolean): Promise<ParsedAppConfig> {
    const hit = this.peek(repo, sha);
    if (hit !== undefined) return hit;
    const key = `${repo}@${sha}`;
    const pending = load();
    this.entries.set(key, pending);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    try {
      const config = await pending;
      if (!keep(config) && this.entries.get(key) === pending) this.entries.delete(key);
      return config;
    } catch (error) {
      if (this.entries.get(key) === pending) this.entries.delete(key);
      throw error;
    }
  }
}
