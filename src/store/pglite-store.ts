import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { SqlClient } from "./sql-client.js";
import { loadMigrations, migrate } from "./migrate.js";
import { SqlStore } from "./sql-store.js";

/** Wraps a PGlite instance as a SqlClient. */
export function pgliteClient(db: PGlite): SqlClient {
  return {
    query: async <Row extends object>(sql: string, params?: unknown[]) => ({ rows: (await db.query<Row>(sql, params)).rows }),
    exec: async (sql) => { await db.exec(sql); },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <Row extends object>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<Row>(sql, params)).rows }),
          exec: async (sql) => { await tx.exec(sql); },
        }),
      ),
    close: () => db.close(),
  };
}

/**
 * Opens the embedded store (edge: fs). `dataDir` is a directory (created if missing; default
 * `.data/pglite` via env), or `memory://` for a throwaway database. Cold start takes seconds (initdb),
 * reopening about one: open once per process and share it.
 */
export async function openPgliteStore(dataDir: string): Promise<SqlStore> {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const client = pgliteClient(db);
  await migrate(client, await loadMigrations());
  return new SqlStore(client);
}
