import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPgliteStore } from "../../../src/store/pglite-store.js";
import type { Store } from "../../../src/store/store.js";
import { storeContract } from "./store-contract.js";

// One PGlite instance for the whole file: its cold start (initdb) takes seconds.
describe("PGlite store", () => {
  let dir = "";
  let store: Store;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "loss-doctor-pglite-"));
    store = await openPgliteStore(join(dir, "db"));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  storeContract("pglite", () => store);

  test("openPgliteStore(dir) reopens an existing data directory with its data and applies no migration twice", async () => {
    await store.saveDiagnosis({ repo: "o/persist", ref: "main", sha: "s1", kind: "training", summary: { ok: true }, createdAt: "2026-01-01T00:00:00.000Z" });
    await store.close();
    store = await openPgliteStore(join(dir, "db"));
    expect((await store.latestDiagnosis("o/persist", "main", "training"))?.summary).toEqual({ ok: true });
  }, 60_000);
});

describe("PGlite store, batched statements", () => {
  test("a row the database refuses fails only its own call; the rest of its batch is saved", async () => {
    const store = await openPgliteStore("memory://");
    try {
      const record = (sha: string, kind: string) => ({ repo: "o/r", ref: "main", sha, kind, summary: { sha }, createdAt: "2026-01-01T00:00:00.000Z" }) as Parameters<Store["saveDiagnosis"]>[0];
      const settled = await Promise.allSettled([record("s0", "training"), record("s1", "training"), record("s2", "bogus"), record("s3", "training")].map((r) => store.saveDiagnosis(r)));
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
      expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
      expect((await store.latestDiagnosis("o/r", "main", "training"))?.summary).toEqual({ sha: "s0" });
    } finally {
      await store.close();
    }
  }, 60_000);
});
