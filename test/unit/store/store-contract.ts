import { expect, test } from "@jest/globals";
import type { ExperimentRecord, Store } from "../../../src/store/store.js";

const T0 = "2026-01-01T00:00:00.000Z";
const T1 = "2026-01-02T00:00:00.000Z";
const T0_5 = "2026-01-01T12:00:00.000Z";
const T2 = "2026-01-03T00:00:00.000Z";
const T3 = "2026-01-04T00:00:00.000Z";

function experiment(id: string, patch: Partial<ExperimentRecord> = {}): ExperimentRecord {
  return {
    id, repo: "octo/ml", sha: "abc", checkRunId: 7, status: "queued", plan: { arms: ["baseline", "lr-1e-3"] },
    result: null, requestedBy: "alice", createdAt: T0, updatedAt: T0, ...patch,
  };
}

/**
 * The behaviour every Store adapter must share. `getStore` returns a fresh or shared store; every
 * test uses its own keys so a shared database is fine.
 */
export function storeContract(name: string, getStore: () => Store): void {
  const claim = (id: string, at: string, until: string) => ({ id, event: "push", receivedAt: at, claimedUntil: until });

  test(`${name}: claimDelivery(id) is true once, then false for a redelivery while the claim holds`, async () => {
    const store = getStore();
    const id = `${name}-delivery-1`;
    expect(await store.claimDelivery(claim(id, T0, T1))).toBe(true);
    expect(await store.claimDelivery(claim(id, T0_5, T2))).toBe(false);
  });

  test(`${name}: a completed delivery is never claimed again; an expired, uncompleted one (crash) is`, async () => {
    const store = getStore();
    const done = `${name}-delivery-done`;
    const crashed = `${name}-delivery-crashed`;
    for (const id of [done, crashed]) expect(await store.claimDelivery(claim(id, T0, T1))).toBe(true);
    await store.completeDelivery(done, T0_5);
    expect(await store.claimDelivery(claim(done, T2, T3))).toBe(false);
    expect(await store.claimDelivery(claim(crashed, T2, T3))).toBe(true);
    expect(await store.claimDelivery(claim(crashed, T2, T3))).toBe(false); // the new claim holds
  });

  test(`${name}: concurrent claims of one delivery let exactly one through`, async () => {
    const store = getStore();
    const id = `${name}-delivery-race`;
    const results = await Promise.all(Array.from({ length: 8 }, () => store.claimDelivery(claim(id, T0, T1))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test(`${name}: concurrent takeovers of one expired claim let exactly one through`, async () => {
    const store = getStore();
    const id = `${name}-delivery-takeover`;
    expect(await store.claimDelivery(claim(id, T0, T1))).toBe(true);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.claimDelivery(claim(id, T2, T3))));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test(`${name}: latestDiagnosis(repo, ref, kind) returns the newest for that ref and kind`, async () => {
    const store = getStore();
    const repo = `${name}/diag`;
    expect(await store.latestDiagnosis(repo, "main", "training")).toBeNull();
    await store.saveDiagnosis({ repo, ref: "main", sha: "old", kind: "training", summary: { v: 1 }, createdAt: T0 });
    await store.saveDiagnosis({ repo, ref: "main", sha: "new", kind: "training", summary: { v: 2, nested: [1, null, "x"] }, createdAt: T1 });
    await store.saveDiagnosis({ repo, ref: "main", sha: "cfg", kind: "config", summary: { v: 3 }, createdAt: T1 });
    await store.saveDiagnosis({ repo, ref: "feature", sha: "f", kind: "training", summary: { v: 4 }, createdAt: T1 });
    const latest = await store.latestDiagnosis(repo, "main", "training");
    expect(latest).toEqual({ repo, ref: "main", sha: "new", kind: "training", summary: { v: 2, nested: [1, null, "x"] }, createdAt: T1 });
  });

  test(`${name}: saveDiagnosis for the same sha replaces the summary`, async () => {
    const store = getStore();
    const repo = `${name}/replace`;
    await store.saveDiagnosis({ repo, ref: "main", sha: "s", kind: "training", summary: { v: 1 }, createdAt: T0 });
    await store.saveDiagnosis({ repo, ref: "main", sha: "s", kind: "training", summary: { v: 9 }, createdAt: T1 });
    expect((await store.latestDiagnosis(repo, "main", "training"))?.summary).toEqual({ v: 9 });
  });

  test(`${name}: charts round-trip their bytes`, async () => {
    const store = getStore();
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await store.saveChart({ id: `${name}-chart`, repo: "o/r", format: "png", contentType: "image/png", body, createdAt: T0 });
    const chart = await store.getChart(`${name}-chart`);
    expect(chart?.contentType).toBe("image/png");
    expect(Array.from(chart?.body ?? [])).toEqual(Array.from(body));
    expect(await store.getChart(`${name}-missing`)).toBeNull();
  });

  test(`${name}: deleteChartsBefore(cutoff) deletes exactly the older charts and counts them`, async () => {
    const store = getStore();
    const chart = (id: string, createdAt: string) => ({ id: `${name}-${id}`, repo: "o/old", format: "png" as const, contentType: "image/png", body: new Uint8Array([1]), createdAt });
    await store.saveChart(chart("ancient", "1999-01-01T00:00:00.000Z"));
    await store.saveChart(chart("recent", "1999-06-01T00:00:00.000Z"));
    expect(await store.deleteChartsBefore("1999-03-01T00:00:00.000Z")).toBe(1);
    expect(await store.getChart(`${name}-ancient`)).toBeNull();
    expect(await store.getChart(`${name}-recent`)).not.toBeNull();
  });

  test(`${name}: comment ids are kept per repo, issue and key, and overwritten`, async () => {
    const store = getStore();
    const key = { repo: `${name}/c`, issueNumber: 4, key: "report" };
    expect(await store.getCommentId(key)).toBeNull();
    await store.setCommentId(key, 11);
    await store.setCommentId({ ...key, issueNumber: 5 }, 12);
    expect(await store.getCommentId(key)).toBe(11);
    await store.setCommentId(key, 3_000_000_000);
    expect(await store.getCommentId(key)).toBe(3_000_000_000);
  });

  test(`${name}: withCommentLock runs one holder of a comment key at a time, other keys meanwhile`, async () => {
    const store = getStore();
    const key = { repo: `o/${name}-lock`, issueNumber: 1, key: "report" };
    const events: string[] = [];
    const hold = (label: string, ms: number) => async (): Promise<string> => {
      events.push(`${label}+`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${label}-`);
      return label;
    };
    const results = await Promise.all([
      store.withCommentLock(key, hold("a", 30)),
      store.withCommentLock(key, hold("b", 1)),
      store.withCommentLock({ ...key, issueNumber: 2 }, hold("c", 1)),
    ]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events.indexOf("b+")).toBeGreaterThan(events.indexOf("a-"));
    expect(events.indexOf("c-")).toBeLessThan(events.indexOf("a-"));
    await expect(store.withCommentLock(key, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await store.withCommentLock(key, hold("d", 1))).toBe("d");
  });

  test(`${name}: many concurrent deliveries' calls (sent in batches by the SQL stores) each get their own answer`, async () => {
    const store = getStore();
    const repo = `${name}/batch`;
    const ids = Array.from({ length: 40 }, (_, i) => `${name}-batch-${i}`);
    // Every id twice in one wave: exactly one claim of each wins.
    const claims = await Promise.all([...ids, ...ids].map((id) => store.claimDelivery(claim(id, T0, T1))));
    expect(claims.slice(0, 40).map((c, i) => Number(c) + Number(claims[40 + i]))).toEqual(ids.map(() => 1));
    // Text that array literals or hand-built SQL would mangle survives the batch encoding.
    const odd = (i: number): string => `q'"\\{},${i} ✓ ${"é".repeat(i % 3)}\n`;
    await Promise.all(ids.map((id, i) => store.saveDiagnosis({ repo, ref: odd(i), sha: id, kind: "training", summary: { label: odd(i), i }, createdAt: T0 })));
    await Promise.all(ids.map((id) => store.completeDelivery(id, T0_5)));
    expect(await Promise.all(ids.map((id) => store.claimDelivery(claim(id, T2, T3))))).toEqual(ids.map(() => false));
    const latest = await Promise.all(ids.map((_, i) => store.latestDiagnosis(repo, odd(i), "training")));
    expect(latest.map((d) => d?.summary)).toEqual(ids.map((_, i) => ({ label: odd(i), i })));
    // Concurrent writes of one comment key: the last call wins; reads of many keys at once.
    await Promise.all([1, 2, 3].map((n) => store.setCommentId({ repo, issueNumber: 1, key: odd(1) }, n)));
    await Promise.all(ids.map((_, i) => store.setCommentId({ repo, issueNumber: i + 2, key: odd(i) }, 1000 + i)));
    const keys = [{ repo, issueNumber: 1, key: odd(1) }, ...ids.map((_, i) => ({ repo, issueNumber: i + 2, key: odd(i) })), { repo, issueNumber: 999, key: "none" }];
    expect(await Promise.all(keys.map((k) => store.getCommentId(k)))).toEqual([3, ...ids.map((_, i) => 1000 + i), null]);
  });

  test(`${name}: experiments are saved, updated and found by sha`, async () => {
    const store = getStore();
    const repo = `${name}/exp`;
    await store.saveExperiment(experiment(`${name}-e1`, { repo }));
    await store.saveExperiment(experiment(`${name}-e1`, { repo, status: "completed", result: { verdict: "confirmed" }, updatedAt: T1 }));
    const saved = await store.getExperiment(`${name}-e1`);
    expect(saved).toEqual(experiment(`${name}-e1`, { repo, status: "completed", result: { verdict: "confirmed" }, updatedAt: T1 }));
    expect((await store.findExperimentBySha(repo, "abc"))?.id).toBe(`${name}-e1`);
    expect(await store.findExperimentBySha(repo, "other")).toBeNull();
  });
}
