import { readdir, readFile } from "node:fs/promises";
import type { SqlClient } from "./sql-client.js";

/** The SQL migrations shipped with the app (src/store/migrations, copied to dist by postbuild). */
export const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
/** Advisory-lock key serialising migrations across replicas starting together ("LDMIGRAT"). */
const MIGRATION_LOCK_KEY = 0x4c444d49;

export interface Migration {
  version: string;
  sql: string;
}

/** Reads `NNNN_name.sql` files in version order (edge: fs). */
export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => /^\d{4}_[\w-]+\.sql$/.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ version: name.replace(/\.sql$/, ""), sql: await readFile(new URL(name, dir), "utf8") })));
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, each in its own transaction,
 * under an advisory lock so concurrent replicas do not race. Returns the versions applied.
 */
export async function migrate(client: SqlClient, migrations: Migration[]): Promise<string[]> {
  return client.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await tx.query<{ version: string }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version) VALUES ($1)", [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
