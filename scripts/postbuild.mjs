// Marks the CLI entry as executable after `tsc` so `npx loss-doctor` works right after `npm ci`.
import { chmodSync, existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (existsSync(entry)) chmodSync(entry, 0o755);
