import { expect } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root, resolved from this file (test/unit/github/helpers). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Compares `actual` with test/golden/<relPath>; rewrites the file only when UPDATE_GOLDEN=1.
 * A missing golden fails the test (run once with UPDATE_GOLDEN=1 and review the diff).
 */
export function expectGolden(relPath: string, actual: string): void {
  const file = resolve(REPO_ROOT, "test/golden", relPath);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file) ? "" : `missing golden ${relPath}: run with UPDATE_GOLDEN=1`).toBe("");
  expect(actual).toBe(readFileSync(file, "utf8"));
}
