import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DataSpec } from "../plan/experiment.schema.js";
import { parseCsvDataset, parseNpy, splitDataset, toLabels } from "../plan/parse-dataset.js";
import { makeSyntheticDataset, scaleToUnit, type Dataset } from "../plan/synthetic-data.js";

/** Largest dataset file read (repro datasets are meant to be small). */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;

async function readSmall(baseDir: string, path: string): Promise<Uint8Array> {
  const bytes = await readFile(resolve(baseDir, path));
  if (bytes.byteLength > MAX_DATASET_BYTES) throw new Error(`${path} is ${bytes.byteLength} bytes; repro datasets are limited to ${MAX_DATASET_BYTES}`);
  return bytes;
}

/**
 * Produces the dataset of a data spec: synthetic data is generated from the seed; CSV/NPY files are
 * read relative to `baseDir` (the repository checkout) and are identical for every seed.
 */
export async function loadDataset(spec: DataSpec, seed: number, baseDir: string): Promise<Dataset> {
  if (spec.kind === "synthetic") return makeSyntheticDataset(spec, seed);
  let data: Dataset;
  if (spec.kind === "csv") {
    const { x, y } = parseCsvDataset(new TextDecoder().decode(await readSmall(baseDir, spec.path)), spec.labelColumn);
    data = splitDataset(x, y, spec.valFraction);
  } else {
    const x = parseNpy(await readSmall(baseDir, spec.xPath));
    const y = toLabels(parseNpy(await readSmall(baseDir, spec.yPath)));
    data = splitDataset(x, y, spec.valFraction);
  }
  return spec.scale === "unit" ? scaleToUnit(data) : data;
}
