import { describe, expect, test } from "@jest/globals";
import { CachingStore } from "../../../src/store/caching-store.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import type { DiagnosisRecord } from "../../../src/store/store.js";
import { storeContract } from "./store-contract.js";

/** A MemoryStore that counts reads and can hold a read open until released. */
class CountingStore extends MemoryStore {
  reads = 0;
  gate: Promise<void> | null = null;
  override async latestDiagnosis(repo: string, ref: string, kind: "training" | "config"): Promise<DiagnosisRecord | null> {
    this.reads++;
    const result = await super.latestDiagnosis(repo, ref, kind);
    if (this.gate !== null) await this.gate;
    return result;
  }
  override async getCommentId(k: { repo: string; issueNumber: number; key: string }): Promise<number | null> {
    this.reads++;
    return super.getCommentId(k);
  }
}

const diag = (sha: string, createdAt: string): DiagnosisRecord => ({ repo: "o/r", ref: "main", sha, kind: "training", summary: { sha }, createdAt });

describe("CachingStore (read cache of the single-process embedded store)", () => {
  storeContract("caching(memory)", () => new CachingStore(new MemoryStore()));

  test("latestDiagnosis and getCommentId are read once, then served from memory and kept current by writes", async () => {
    const inner = new CountingStore();
    const store = new CachingStore(inner);
    expect(await store.latestDiagnosis("o/r", "main", "training")).toBeNull();
    await store.saveDiagnosis(diag("b", "2026-01-02T00:00:00.000Z"));
    await store.saveDiagnosis(diag("a", "2026-01-01T00:00:00.000Z")); // older: not the latest
    expect((await store.latestDiagnosis("o/r", "main", "training"))?.sha).toBe("b");
    await store.saveDiagnosis(diag("c", "2026-01-02T00:00:00.000Z")); // same time, larger sha: still b
    expect((await store.latestDiagnosis("o/r", "main", "training"))?.sha).toBe("b");
    expect(await store.getCommentId({ repo: "o/r", issueNumber: 1, key: "report" })).toBeNull();
    await store.setCommentId({ repo: "o/r", issueNumber: 1, key: "report" }, 42);
    expect(await store.getCommentId({ repo: "o/r", issueNumber: 1, key: "report" })).toBe(42);
    expect(inner.reads).toBe(2);
    // Each answer equals the inner store's own.
    expect(await inner.latestDiagnosis("o/r", "main", "training")).toEqual(await store.latestDiagnosis("o/r", "main", "training"));
  });

  test("re-saving the cached sha with an older time re-reads (another row may now be the newest)", async () => {
    const inner = new CountingStore();
    const store = new CachingStore(inner);
    await store.saveDiagnosis(diag("x", "2026-01-05T00:00:00.000Z"));
    await store.saveDiagnosis(diag("y", "2026-01-03T00:00:00.000Z"));
    expect((await store.latestDiagnosis("o/r", "main", "training"))?.sha).toBe("x");
    await store.saveDiagnosis(diag("x", "2026-01-01T00:00:00.000Z"));
    expect((await store.latestDiagnosis("o/r", "main", "training"))?.sha).toBe("y");
    expect(inner.reads).toBe(2);
  });

  test("a read that a write overtakes is returned but not cached", async () => {
    const inner = new CountingStore();
    const store = new CachingStore(inner);
    let release = (): void => undefined;
    inner.gate = new Promise<void>((resolve) => (release = resolve));
    const slowRead = store.latestDiagnosis("o/r", "main", "training");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.saveDiagnosis(diag("new", "2026-02-01T00:00:00.000Z"));
    inner.gate = null;
    release();
    expect(await slowRead).toBeNull(); // what the store held when the read ran
    expect((await store.latestDiagnosis("o/r", "main", "training"))?.sha).toBe("new");
  });
});
