import type { Issue } from "../../../domain/issue.js";
import type { StepUnit } from "../../../domain/series.js";
import { ingestIssue } from "../../messages.js";
import type { SeriesBuilder } from "../../series-builder.js";
import { flattenScalars, toNumber, type JsonObject } from "./json-values.js";

/** Fields that give a record's x axis, in order of preference. */
export const STEP_FIELDS = ["step", "global_step", "trainer/global_step", "iteration", "iter", "_step", "epoch"] as const;
/** Fields that are counters or bookkeeping, never series. */
const NON_SERIES = /^(step|global_step|trainer\/global_step|iteration|iter|_step|epoch|_timestamp|timestamp|wall_time|_runtime|total_flos|num_input_tokens_seen)$/;

/** Adds the numeric fields of metric records (JSON Lines, arrays of dicts) to `builder`. */
export class RecordReader {
  private index = 0;
  private missingStep = false;
  private unit: StepUnit | undefined;
  private lastStep = Number.NaN;

  constructor(private readonly builder: SeriesBuilder) {}

  add(record: JsonObject): void {
    const flat = flattenScalars(record);
    const { step, unit } = this.stepOf(flat);
    const wall = toNumber(flat["_timestamp"] ?? flat["wall_time"] ?? flat["timestamp"]);
    const seconds = wall !== undefined && wall > 1e11 ? wall / 1000 : wall;
    for (const [key, raw] of Object.entries(flat)) {
      if (NON_SERIES.test(key)) continue;
      const value = toNumber(raw);
      if (value !== undefined) this.builder.add(key, step, value, seconds, {}, unit);
    }
    this.index++;
  }

  private stepOf(flat: Record<string, unknown>): { step: number; unit: StepUnit } {
    for (const field of STEP_FIELDS) {
      const value = flat[field];
      if (typeof value === "number" && Number.isFinite(value)) {
        this.unit ??= field === "epoch" ? "epoch" : "step";
        this.lastStep = value;
        return { step: value, unit: this.unit };
      }
    }
    if (!Number.isNaN(this.lastStep)) return { step: this.lastStep, unit: this.unit ?? "step" };
    this.missingStep = true;
    return { step: this.index, unit: "step" };
  }

  /** The info issue when records had no step field. */
  issues(file: string): Issue[] {
    return this.missingStep ? [ingestIssue("no-step-field", { file })] : [];
  }
}
