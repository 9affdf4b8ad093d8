import { describe, expect, test } from "@jest/globals";
import { AppConfigCache, isCommitSha } from "../../../src/config/config-cache.js";
import { parseAppConfig, type ParsedAppConfig } from "../../../src/config/parse.js";

const SHA_A = "a".repeat(40);
const SHA_B = "b".repeat(40);
const SHA_C = "c".repeat(40);
const KEEP = (): boolean => true;

function counter(make: () => ParsedAppConfig = () => parseAppConfig(null)) {
  let calls = 0;
  return { load: () => { calls++; return Promise.resolve(make()); }, calls: () => calls };
}

describe("AppConfigCache", () => {
  test("only full commit shas are cacheable refs", () => {
    expect(isCommitSha(SHA_A)).toBe(true);
    expect(isCommitSha("d".repeat(64))).toBe(true);
    expect(isCommitSha("main")).toBe(false);
    expect(isCommitSha(SHA_A.slice(0, 7))).toBe(false);
    expect(isCommitSha(undefined)).toBe(false);
  });

  test("loads each (repo, sha) once, and concurrent callers share one load", async () => {
    const cache = new AppConfigCache();
    const c = counter();
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.getOrLoad("o/r", SHA_A, c.load, KEEP)));
    await cache.getOrLoad("o/r", SHA_A, c.load, KEEP);
    expect(c.calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
    await cache.getOrLoad("o/other", SHA_A, c.load, KEEP);
    expect(c.calls()).toBe(2);
  });

  test("evicts the least recently used entry beyond maxEntries", async () => {
    const cache = new AppConfigCache(2);
    const c = counter();
    await cache.getOrLoad("o/r", SHA_A, c.load, KEEP);
    await cache.getOrLoad("o/r", SHA_B, c.load, KEEP);
    expect(cache.peek("o/r", SHA_A)).toBeDefined(); // A is now the most recent
    await cache.getOrLoad("o/r", SHA_C, c.load, KEEP); // evicts B
    expect(cache.size).toBe(2);
    expect(cache.peek("o/r", SHA_B)).toBeUndefined();
    expect(cache.peek("o/r", SHA_A)).toBeDefined();
  });

  test("a result the caller does not keep, or a failed load, is tried again next time", async () => {
    const cache = new AppConfigCache();
    const c = counter();
    await cache.getOrLoad("o/r", SHA_A, c.load, () => false);
    await cache.getOrLoad("o/r", SHA_A, c.load, KEEP);
    expect(c.calls()).toBe(2);
    await expect(cache.getOrLoad("o/r", SHA_B, () => Promise.reject(new Error("network")), KEEP)).rejects.toThrow("network");
    expect(cache.peek("o/r", SHA_B)).toBeUndefined();
  });
});
