import type { Issue } from "../../../domain/issue.js";
import type { TrainingRun } from "../../../domain/run.js";
import { SeriesBuilder } from "../../series-builder.js";
import type { IngestLimits, InputFile } from "../../types.js";
import { fileRun } from "../finish-run.js";
import { addHparams, isObject, toNumber, type JsonObject, type JsonValue } from "./json-values.js";

/** Keys whose arrays are the x axis, not a metric. */
const AXIS_KEYS = new Set(["epoch", "epochs"]);

/**
 * The metric arrays of a Keras `history.history` dict (also `{"history": {...}}` and tfjs
 * `{"epoch": [...], "history": {...}}`), nested dicts flattened with `/`. Undefined when the object
 * holds no numeric arrays.
 */
export function findHistory(root: JsonObject): { arrays: Map<string, JsonValue[]>; epochs: JsonValue[] | undefined; scalars: JsonObject } | undefined {
  const inner = isObject(root["history"]) ? root["history"] : root;
  const arrays = new Map<string, JsonValue[]>();
  collectArrays(inner, "", arrays, 3);
  const epochs = Array.isArray(root["epoch"]) ? root["epoch"] : undefined;
  for (const key of AXIS_KEYS) arrays.delete(key);
  if (arrays.size === 0) return undefined;
  const scalars: JsonObject = {};
  for (const [key, value] of Object.entries(root)) if (!Array.isArray(value) && !isObject(value)) scalars[key] = value;
  if (isObject(root["params"])) Object.assign(scalars, root["params"]);
  return { arrays, epochs, scalars };
}

function collectArrays(object: JsonObject, prefix: string, out: Map<string, JsonValue[]>, depth: number): void {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix === "" ? key : `${prefix}/${key}`;
    if (Array.isArray(value) && value.some((item) => toNumber(item) !== undefined)) out.set(name, value);
    else if (isObject(value) && depth > 1 && key !== "params") collectArrays(value, name, out, depth - 1);
  }
}

/** Builds the run of a Keras history dict: one point per epoch (0-based, as CSVLogger numbers them). */
export function kerasHistoryRun(file: InputFile, history: NonNullable<ReturnType<typeof findHistory>>, limits: IngestLimits): { run: TrainingRun; issues: Issue[] } {
  const builder = new SeriesBuilder({ maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort", file: file.path });
  for (const [tag, values] of history.arrays) {
    values.forEach((raw, index) => {
      const value = toNumber(raw);
      const epoch = toNumber(history.epochs?.[index]);
      if (value !== undefined) builder.add(tag, epoch ?? index, value, undefined, {}, "epoch");
    });
  }
  const built = builder.build();
  const hparams: TrainingRun["hparams"] = {};
  addHparams(history.scalars, hparams);
  return { run: fileRun(file.path, "keras-history-json", "keras", built.series, hparams), issues: built.issues };
}
