import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const GOLDEN_DIR = resolve(REPO_ROOT, "test/golden/report");

/** Returns the stored golden text, (re)writing it first when UPDATE_GOLDEN=1. */
export function golden(name: string, actual: string): string {
  const path = resolve(GOLDEN_DIR, name);
  if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(path)) {
    if (process.env["UPDATE_GOLDEN"] !== "1") throw new Error(`missing golden ${name}: run with UPDATE_GOLDEN=1`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  return readFileSync(path, "utf8");
}

/** Rounds every number in a JSON value to 6 significant digits (stable goldens). */
export function roundNumbers(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v)]));
  return value;
}
