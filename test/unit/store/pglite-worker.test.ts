import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { openPgliteWorkerClient, PgliteWorkerError } from "../../../src/store/pglite-worker.js";
import type { SqlClient } from "../../../src/store/sql-client.js";

// The embedded database in a worker thread: the SqlClient contract the store and migrations rely on.
describe("PGlite in a worker thread (SqlClient)", () => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await openPgliteWorkerClient("memory://");
    await db.exec("CREATE TABLE t (id int PRIMARY KEY, body bytea, at timestamptz, doc jsonb)");
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  test("query() round-trips parameters and typed rows (bytea, timestamptz, jsonb) through the worker", async () => {
    await db.query("INSERT INTO t VALUES ($1, $2, $3, $4::jsonb)", [1, Buffer.from([1, 2, 255]), "2026-11-22T10:00:00.000Z", JSON.stringify({ a: [1, 2] })]);
    const { rows } = await db.query<{ id: number; body: Uint8Array; at: Date; doc: unknown }>("SELECT * FROM t WHERE id = $1", [1]);
    expect(rows).toHaveLength(1);
    expect(Array.from(rows[0]!.body)).toEqual([1, 2, 255]);
    expect(new Date(rows[0]!.at).toISOString()).toBe("2026-11-22T10:00:00.000Z");
    expect(rows[0]!.doc).toEqual({ a: [1, 2] });
  });

  test("a refused statement rejects with the SQLSTATE and the worker keeps serving", async () => {
    const error = await db.query("INSERT INTO t (id) VALUES (1)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PgliteWorkerError);
    expect((error as PgliteWorkerError).code).toBe("23505");
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM t")).rows[0]?.n).toBe(1);
  });

  test("transaction(): committed on success, rolled back on error, and other queries wait for it", async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id) VALUES (2)");
      await tx.exec("INSERT INTO t (id) VALUES (3)");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO t (id) VALUES (4)");
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    let outside = -1;
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t (id) VALUES (5)");
      // Started while the transaction is open: runs after it commits, so it sees row 5.
      void db.query<{ n: number }>("SELECT count(*)::int AS n FROM t WHERE id = 5").then((r) => (outside = r.rows[0]?.n ?? -1));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(outside).toBe(-1);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outside).toBe(1);
    const ids = (await db.query<{ id: number }>("SELECT id FROM t ORDER BY id")).rows.map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 5]);
  });
});
