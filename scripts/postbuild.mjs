// Marks the CLI entry as executable after `tsc` so `npx loss-doctor` works right after `npm ci`.
import { chmodSync, existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(entry)) chmodSync(entry, 0o755);

// The store's SQL migrations are read at run time next to the compiled store (src/store/migrate.ts).
import { cpSync } from "node:fs";
const migrations = new URL("../src/store/migrations/", import.meta.url);
if (existsSync(migrations)) cpSync(migrations, new URL("../dist/store/migrations/", import.meta.url), { recursive: true });
