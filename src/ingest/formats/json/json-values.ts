/**
 * JSON helpers. Python's `json.dump` writes `NaN`, `Infinity` and `-Infinity`, which JSON.parse
 * rejects; `parseLenientJson` turns them into sentinels that `toNumber` maps back, so NaN stays evidence.
 */

const NAN = "\u0000NaN";
const POS_INF = "\u0000Inf";
const NEG_INF = "\u0000-Inf";
const PYTHON_SPECIALS = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Parses JSON, accepting Python's NaN/Infinity literals. Returns the error message on failure. */
export function parseLenientJson(text: string): { value: JsonValue } | { error: string } {
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) return { error: errorText(error) };
  }
  const replaced = text.replace(PYTHON_SPECIALS, (token) => {
    if (token === "NaN") return `"\\u0000NaN"`;
    if (token === "Infinity") return `"\\u0000Inf"`;
    if (token === "-Infinity") return `"\\u0000-Inf"`;
    return token;
  });
  try {
    return { value: JSON.parse(replaced) as JsonValue };
  } catch (error) {
    return { error: errorText(error) };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A finite or non-finite number; `undefined` for anything else (strings, booleans, null). */
export function toNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (value === NAN) return Number.NaN;
  if (value === POS_INF) return Number.POSITIVE_INFINITY;
  if (value === NEG_INF) return Number.NEGATIVE_INFINITY;
  return undefined;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Scalars of an object, nested objects flattened with `/` (`{"train": {"loss": 1}}` → `train/loss`). */
export function flattenScalars(record: JsonObject, maxDepth = 3, prefix = "", out: Record<string, JsonValue> = {}): Record<string, JsonValue> {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix === "" ? key : `${prefix}/${key}`;
    if (isObject(value)) {
      if (maxDepth > 1) flattenScalars(value, maxDepth - 1, name, out);
    } else if (!Array.isArray(value)) {
      out[name] = value;
    }
  }
  return out;
}

/** A JSON scalar as an hparam value, or undefined for null/non-finite/sentinel values. */
export function toHparam(value: JsonValue | undefined): string | number | boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && !value.startsWith("\u0000")) return value;
  return undefined;
}

/** Copies the scalar entries of `object` into `hparams` (keys prefixed), skipping lists, objects and NaN. */
export function addHparams(object: JsonObject, hparams: Record<string, string | number | boolean>, prefix = "", skip: readonly string[] = []): void {
  for (const [key, raw] of Object.entries(object)) {
    if (skip.includes(key)) continue;
    const value = toHparam(raw);
    if (value !== undefined) hparams[`${prefix}${key}`] = value;
  }
}
