import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@jest/globals";

/** Repository root (test/unit/charts/helpers → ../../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
/** The shared fixtures folder beside the repository. */
export const SHARED = resolve(REPO_ROOT, "../shared");

/** Rounds every number to 6 significant digits (goldens must not depend on the last float bits). */
export function normalize(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(6)) : String(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** Compares with test/golden/charts/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function expectGolden(name: string, actual: unknown): void {
  const path = resolve(REPO_ROOT, "test/golden/charts", name);
  const normalized = normalize(actual);
  if (process.env["UPDATE_GOLDEN"] === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(normalized, null, 2)}\n`);
  }
  if (!existsSync(path)) throw new Error(`missing golden test/golden/charts/${name}; run the test with UPDATE_GOLDEN=1 to create it`);
  expect(normalized).toEqual(JSON.parse(readFileSync(path, "utf8")));
}
