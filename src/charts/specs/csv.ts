import type { InlineData } from "vega-lite/types_unstable/data.js";

/** Significant digits kept for plotted values: far below a pixel at any chart size. */
export const VALUE_DIGITS = 6;
/** Significant digits kept for fractional steps (Hugging Face logs fractional epochs). */
export const STEP_DIGITS = 8;

/** Compact text for a plotted value (`0.123457`, `1.5e-7`); empty for non-finite or missing. */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "";
  return String(Number(value.toPrecision(VALUE_DIGITS)));
}

/** Compact text for a step: integers as they are, fractions rounded. */
export function formatStep(step: number): string {
  if (Number.isInteger(step)) return String(step);
  return String(Number(step.toPrecision(STEP_DIGITS)));
}

/**
 * Inline vega-lite data as a CSV string with numeric columns. About a third of the size of the same
 * rows as JSON objects, which keeps a chart of several 1500-point series under 200 KB.
 */
export function csvData(columns: readonly string[], rows: readonly string[]): InlineData {
  const parse: Record<string, "number"> = {};
  for (const column of columns) parse[column] = "number";
  return { values: `${columns.join(",")}\n${rows.join("\n")}`, format: { type: "csv", parse } };
}

/** A vega expression that maps an integer column to labels: `["loss","val_loss"][datum.i]`. */
export function labelLookup(labels: readonly string[], column: string): string {
  return `${JSON.stringify(labels)}[datum.${column}]`;
}
