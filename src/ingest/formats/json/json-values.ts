/**
 * JSON helpers. Python's `json.dump` writes `NaN`, `Infinity` and `-Infinity`, which JSON.parse
 * rejects; `parseLenientJson` turns them into sentinels that `toNumber` maps back, so NaN stays evidence.
 */

const NAN = "\u0000NaN";
const POS_INF = "\u0000Inf";
const NEG_INF = "\u0000-Inf";
/** Python's specials and the JSON string literals of their sentinels. */
const SPECIAL_LITERALS: Readonly<Record<string, string>> = { NaN: `"\\u0000NaN"`, Infinity: `"\\u0000Inf"`, "-Infinity": `"\\u0000-Inf"` };

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Parses JSON, accepting Python's NaN/Infinity literals. Returns the error message on failure. */
export function parseLenientJson(text: string): { value: JsonValue } | { error: string } {
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) return { error: errorText(error) };
  }
  const replaced = quotePythonSpecials(text);
  try {
    return { value: JSON.parse(replaced) as JsonValue };
  } catch (error) {
    return { error: errorText(error) };
  }
}

/**
 * `text` with Python's `NaN`, `Infinity` and `-Infinity` outside JSON strings replaced by sentinel
 * strings. One pass that skips each string whole (an unclosed one runs to the end of the text). A
 * regular expression did this with one backtracking entry per character of a string (a string of
 * 8 MB overflowed its stack) and rescanned unclosed strings from every escaped quote (quadratic).
 */
export function quotePythonSpecials(text: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i + 1);
      continue;
    }
    const token = c === 78 && text.startsWith("NaN", i) ? "NaN" : c === 73 && text.startsWith("Infinity", i) ? "Infinity" : c === 45 && text.startsWith("-Infinity", i) ? "-Infinity" : undefined;
    if (token === undefined) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + (SPECIAL_LITERALS[token] ?? token);
    i += token.length;
    copied = i;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index just after the closing quote of the string whose text starts at `from`, or the text's length when it never closes. */
function stringEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i++;
  }
  return text.length;
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
