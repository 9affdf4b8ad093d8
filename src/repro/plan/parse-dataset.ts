import type { Dataset } from "./synthetic-data.js";
import { maxOf } from "../../domain/extremes.js";

/** A dataset file could not be used; the message says what to change. */
export class DatasetError extends Error {
  override name = "DatasetError";
}

/** An n-d numeric array read from a file. */
export interface NumericArray {
  shape: number[];
  values: Float32Array;
}

/** Splits samples into train and the last `valFraction` as validation (files are not shuffled here). */
export function splitDataset(x: NumericArray, labels: Int32Array, valFraction: number): Dataset {
  const n = labels.length;
  const inputShape = x.shape.slice(1);
  const dim = inputShape.reduce((a, b) => a * b, 1);
  const nVal = Math.max(1, Math.round(n * valFraction));
  const nTrain = n - nVal;
  if (nTrain < 1) throw new DatasetError(`the dataset has ${n} samples; at least 2 are needed for a train/validation split`);
  const numClasses = maxOf(labels) + 1;
  if (numClasses < 2) throw new DatasetError("labels must contain at least two classes (integer ids 0..C-1)");
  return {
    inputShape,
    numClasses,
    xTrain: x.values.slice(0, nTrain * dim),
    yTrain: labels.slice(0, nTrain),
    xVal: x.values.slice(nTrain * dim),
    yVal: labels.slice(nTrain),
  };
}

function toLabel(value: number, where: string): number {
  if (!Number.isInteger(value) || value < 0) throw new DatasetError(`${where}: labels must be integer class ids ≥ 0, got ${value}`);
  return value;
}

/** Parses a numeric CSV with a header row; `labelColumn` holds class ids, the other columns are features. */
export function parseCsvDataset(text: string, labelColumn: string): { x: NumericArray; y: Int32Array } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  const labelIndex = header.indexOf(labelColumn);
  if (labelIndex < 0) throw new DatasetError(`column '${labelColumn}' not found; the header has: ${header.join(", ")}`);
  const rows = lines.slice(1);
  const dim = header.length - 1;
  const values = new Float32Array(rows.length * dim);
  const y = new Int32Array(rows.length);
  rows.forEach((line, r) => {
    const cells = line.split(",").map(Number);
    if (cells.length !== header.length || cells.some((v) => Number.isNaN(v))) throw new DatasetError(`line ${r + 2}: expected ${header.length} numeric cells`);
    y[r] = toLabel(cells[labelIndex]!, `line ${r + 2}`);
    values.set(cells.filter((_, i) => i !== labelIndex), r * dim);
  });
  return { x: { shape: [rows.length, dim], values }, y };
}

const NPY_MAGIC = "\x93NUMPY";
const NPY_READERS: Readonly<Record<string, (view: DataView, offset: number) => number>> = {
  "<f4": (v, o) => v.getFloat32(o, true),
  "<f8": (v, o) => v.getFloat64(o, true),
  "|u1": (v, o) => v.getUint8(o),
  "<i4": (v, o) => v.getInt32(o, true),
  "<i8": (v, o) => Number(v.getBigInt64(o, true)),
};
const NPY_SIZES: Readonly<Record<string, number>> = { "<f4": 4, "<f8": 8, "|u1": 1, "<i4": 4, "<i8": 8 };

/** Parses a C-order `.npy` file (versions 1–3) of float32/float64/uint8/int32/int64. */
export function parseNpy(bytes: Uint8Array): NumericArray {
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== NPY_MAGIC) throw new DatasetError("not a .npy file (magic bytes missing)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6] ?? 1;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? "";
  const read = NPY_READERS[descr];
  if (read === undefined) throw new DatasetError(`.npy dtype '${descr}' is not supported (use float32, float64, uint8, int32 or int64)`);
  if (/'fortran_order':\s*True/.test(header)) throw new DatasetError(".npy arrays must be C-ordered (np.ascontiguousarray)");
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const size = NPY_SIZES[descr]!;
  const start = headerStart + headerLength;
  if (start + count * size > bytes.length) throw new DatasetError(`.npy data is truncated: ${count} values of ${size} bytes expected`);
  const values = Float32Array.from({ length: count }, (_, i) => read(view, start + i * size));
  return { shape, values };
}

/** Labels from a numeric array (class ids). */
export function toLabels(array: NumericArray): Int32Array {
  return Int32Array.from(array.values, (v, i) => toLabel(v, `label ${i}`));
}
