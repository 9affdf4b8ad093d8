import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import pg from "pg";
import { loadMigrations, migrate } from "../../../src/store/migrate.js";
import { openPostgresStore, postgresClient } from "../../../src/store/postgres-store.js";
import type { SqlStore } from "../../../src/store/sql-store.js";
import { storeContract } from "./store-contract.js";
import { upsertStickyComment } from "../../../src/github/publish/upsert-comment.js";
import type { GitHub } from "../../../src/github/types.js";

const url = process.env.TEST_DATABASE_URL;
const SCHEMA = "loss_doctor_test";

if (url === undefined || url === "") {
  describe("PostgreSQL store", () => {
    test("skipped: TEST_DATABASE_URL not set (.ci/run starts a server and sets it)", () => {
      expect(process.env.TEST_DATABASE_URL ?? "").toBe("");
    });
  });
} else {
  // A private schema keeps the test away from other data and makes reruns start clean.
  const schemaUrl = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;
  describe("PostgreSQL store", () => {
    let store: SqlStore;
    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
      await admin.end();
      store = await openPostgresStore(schemaUrl, { max: 4 });
    }, 30_000);
    afterAll(async () => {
      await store.close();
    });

    storeContract("postgres", () => store);

    test("two replicas upserting one sticky comment at once create it once (advisory lock), the other updates it", async () => {
      const replicas = [await openPostgresStore(schemaUrl, { max: 2 }), await openPostgresStore(schemaUrl, { max: 2 })];
      const calls: string[] = [];
      let nextId = 500;
      // A GitHub stand-in whose comment creation is slow: without a shared lock both replicas create.
      const octokit = {
        rest: {
          issues: {
            createComment: async () => { calls.push("create"); await new Promise((r) => setTimeout(r, 50)); return { data: { id: nextId++ } }; },
            updateComment: async () => { calls.push("update"); return { data: {} }; },
            listComments: async () => ({ data: [] }),
          },
        },
      } as unknown as GitHub;
      const comment = { owner: "o", repo: "race", issueNumber: 9, key: "report", body: "<!-- loss-doctor:report -->\nx", assumeNew: true };
      const results = await Promise.all(replicas.map((store) => upsertStickyComment(octokit, store, comment)));
      await Promise.all(replicas.map((store) => store.close()));
      expect(calls.sort()).toEqual(["create", "update"]);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    }, 30_000);

    test("more comment locks held at once than pooled connections: every holder can still query the store (no deadlock)", async () => {
      const small = await openPostgresStore(schemaUrl, { max: 2, lockMax: 2 });
      const holders = Array.from({ length: 8 }, (_, i) => {
        const key = { repo: "o/pool", issueNumber: 100 + i, key: "report" };
        return small.withCommentLock(key, async () => {
          const before = await small.getCommentId(key);
          await small.setCommentId(key, 7000 + i);
          return before;
        });
      });
      expect(await Promise.all(holders)).toEqual(Array.from({ length: 8 }, () => null));
      expect(await small.getCommentId({ repo: "o/pool", issueNumber: 107, key: "report" })).toBe(7007);
      await small.close();
    }, 30_000);

    test("migrate() run by two replicas at once applies each migration exactly once", async () => {
      const pools = [new pg.Pool({ connectionString: schemaUrl }), new pg.Pool({ connectionString: schemaUrl })];
      const migrations = await loadMigrations();
      const applied = await Promise.all(pools.map((p) => migrate(postgresClient(p), migrations)));
      await Promise.all(pools.map((p) => p.end()));
      expect(applied.flat()).toEqual([]);
    });
  });
}
