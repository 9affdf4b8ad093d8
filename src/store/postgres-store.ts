import pg from "pg";
import type { SqlClient } from "./sql-client.js";
import { loadMigrations, migrate } from "./migrate.js";
import { SqlStore } from "./sql-store.js";

/** Connections per replica; webhook handling is I/O-bound and short. */
export const DEFAULT_POOL_SIZE = 10;
/**
 * Connections per replica that only hold sticky-comment advisory locks (see `SqlStoreOptions`): at most
 * this many comments are written at once per replica; the others wait for a connection.
 */
export const DEFAULT_LOCK_POOL_SIZE = 4;

/** Wraps a pg Pool as a SqlClient (transactions hold one pooled connection). */
export function postgresClient(pool: pg.Pool): SqlClient {
  return {
    query: async <Row extends object>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as Row[] }),
    exec: async (sql) => { await pool.query(sql); },
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const result = await fn({
          query: async <Row extends object>(sql: string, params?: unknown[]) => ({ rows: (await conn.query(sql, params)).rows as Row[] }),
          exec: async (sql) => { await conn.query(sql); },
        });
        await conn.query("COMMIT");
        return result;
      } catch (error) {
        await conn.query("ROLLBACK");
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Opens the PostgreSQL store from a connection string (DATABASE_URL) and applies migrations.
 * Safe for several replicas starting at once (migrations take an advisory lock).
 */
export async function openPostgresStore(connectionString: string, options: { max?: number; lockMax?: number } = {}): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? DEFAULT_POOL_SIZE });
  const client = postgresClient(pool);
  try {
    await migrate(client, await loadMigrations());
  } catch (error) {
    await pool.end();
    throw error;
  }
  const lockPool = new pg.Pool({ connectionString, max: options.lockMax ?? DEFAULT_LOCK_POOL_SIZE });
  return new SqlStore(client, { lockClient: postgresClient(lockPool) });
}
