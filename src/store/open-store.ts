import type { Store } from "./store.js";

/** Which adapter to open: PostgreSQL when a URL is given, else the embedded PGlite directory. */
export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens the configured store (edge); adapters are imported lazily so pg/PGlite load only when used. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined) {
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(options.databaseUrl);
  }
  const { openPgliteStore } = await import("./pglite-store.js");
  return openPgliteStore(options.dataDir);
}
