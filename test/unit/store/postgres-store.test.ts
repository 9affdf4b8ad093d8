import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import pg from "pg";
import { loadMigrations, migrate } from "../../../src/store/migrate.js";
import { openPostgresStore, postgresClient } from "../../../src/store/postgres-store.js";
import type { SqlStore } from "../../../src/store/sql-store.js";
import { storeContract } from "./store-contract.js";

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

    test("migrate() run by two replicas at once applies each migration exactly once", async () => {
      const pools = [new pg.Pool({ connectionString: schemaUrl }), new pg.Pool({ connectionString: schemaUrl })];
      const migrations = await loadMigrations();
      const applied = await Promise.all(pools.map((p) => migrate(postgresClient(p), migrations)));
      await Promise.all(pools.map((p) => p.end()));
      expect(applied.flat()).toEqual([]);
    });
  });
}
