/**
 * Benchmarks measure the built package (`dist/`, what the CLI and the app run), not the TypeScript
 * sources run through a loader: the loader's transform changes how V8 compiles hot loops (the
 * tfevents reader ran up to 1.5x slower under tsx than from `dist/`). Types come from the sources.
 */
import { existsSync } from "node:fs";

const DIST = new URL("../dist/", import.meta.url);

/** Imports `dist/<path>` (e.g. "ingest/formats/tfevents/index.js"); run `npm run build` first. */
export async function importBuilt<T>(path: string): Promise<T> {
  const url = new URL(path, DIST);
  if (!existsSync(url)) throw new Error(`${url.pathname} is missing: run \`npm run build\` first`);
  return (await import(url.href)) as T;
}
