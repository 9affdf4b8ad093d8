// Writes schema/app-config.schema.json and docs/configuration.md from the zod schema (npm run schema).
// A test fails when either is stale.
import { mkdirSync, writeFileSync } from "node:fs";
import { renderAppConfigJsonSchema } from "../src/config/json-schema.js";
import { renderConfigurationDocs } from "../src/config/render-docs.js";

const outputs: [URL, string][] = [
  [new URL("../schema/app-config.schema.json", import.meta.url), renderAppConfigJsonSchema()],
  [new URL("../docs/configuration.md", import.meta.url), renderConfigurationDocs()],
];
for (const [url, text] of outputs) {
  mkdirSync(new URL(".", url), { recursive: true });
  writeFileSync(url, text);
  console.log(`wrote ${url.pathname}`);
}
