import { describe, expect, test } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { toInspectJson, type InspectJson } from "../../../../src/ingest/summarize.js";
import type { IngestResult } from "../../../../src/ingest/types.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
export const SHARED = resolve(REPO_ROOT, "../shared");
export const REAL_LOGS = resolve(SHARED, "fixtures/real-logs");
export const TORCH_RUNS = resolve(SHARED, "fixtures/torch-runs");
export const OWN_FIXTURES = resolve(REPO_ROOT, "test/fixtures/logs");
export const GOLDEN_DIR = resolve(REPO_ROOT, "test/golden/ingest");

/** `describe` when ../shared exists; otherwise one test that says why nothing ran. */
export const describeIfShared = existsSync(SHARED)
  ? describe
  : (name: string, _fn: () => void): void =>
      describe(name, () => {
        test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false));
      });

/** Significant digits kept in goldens (float printing differs in the last bits across parsers). */
const GOLDEN_DIGITS = 9;

/** JSON-safe, rounded view of an ingest result for goldens. */
export function goldenView(result: IngestResult): InspectJson {
  return JSON.parse(JSON.stringify(toInspectJson(result), (_key, value: unknown) => (typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(GOLDEN_DIGITS)) : value))) as InspectJson;
}

/** Compares `actual` with the golden file; writes it when UPDATE_GOLDEN=1 (or when missing under UPDATE_GOLDEN). */
export function expectGolden(relativePath: string, actual: unknown): void {
  const path = resolve(GOLDEN_DIR, relativePath);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env["UPDATE_GOLDEN"] === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  expect(existsSync(path)).toBe(true);
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, "utf8")));
}

export { mulberry32 } from "../../../../src/domain/random.js";


export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
