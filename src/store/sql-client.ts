/**
 * The few calls the SQL store needs; both PGlite and a `pg` Pool satisfy it through tiny wrappers.
 * `query` runs one parameterised statement; `exec` runs a script of statements without parameters.
 */
export interface SqlClient {
  query<Row extends object>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<void>;
  /** Runs `fn` inside a transaction on one connection. */
  transaction<T>(fn: (tx: Pick<SqlClient, "query" | "exec">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
