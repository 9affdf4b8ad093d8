import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { SqlClient } from "./sql-client.js";
import { loadMigrations, migrate } from "./migrate.js";
import { SqlStore } from "./sql-store.js";
import { CachingStore } from "./caching-store.js";
import type { Store } from "./store.js";
import { openPgliteWorkerClient } from "./pglite-worker.js";

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
 * Opens the embedded store (edge: fs, worker thread). `dataDir` is a directory (created if missing;
 * default `.data/pglite` via env), or `memory://` for a throwaway database. Cold start takes seconds
 * (initdb), reopening about one: open once per process and share it. By default the database runs in
 * a worker thread (`pglite-worker.ts`) so its queries never block the event loop; `inProcess: true`
 * keeps it on the calling thread. Reads of the base diagnosis and of comment ids are cached in memory
 * (write-through), which is exact because this process is the data directory's only user.
 */
export async function openPgliteStore(dataDir: string, options: { inProcess?: boolean } = {}): Promise<Store> {
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const client = options.inProcess === true ? pgliteClient(await PGlite.create(dataDir)) : await openPgliteWorkerClient(dataDir);
  try {
    await migrate(client, await loadMigrations());
  } catch (error) {
    await client.close();
    throw error;
  }
  // This process owns the data directory: no other writer, so reads can be cached (caching-store.ts).
  return new CachingStore(new SqlStore(client));
}
