// Writes schema/app-config.schema.json from the zod schema (npm run schema). A test fails when it is stale.
import { mkdirSync, writeFileSync } from "node:fs";
import { renderAppConfigJsonSchema } from "../src/config/json-schema.js";

const out = new URL("../schema/app-config.schema.json", import.meta.url);
mkdirSync(new URL("../schema/", import.meta.url), { recursive: true });
writeFileSync(out, renderAppConfigJsonSchema());
console.log(`wrote ${out.pathname}`);
