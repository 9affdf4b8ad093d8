/**
 * Number parsing for log cells and tokens. NaN and ±Infinity are values (evidence of divergence),
 * so `nan`, `NaN`, `inf`, `-inf`, `Infinity`, `-Infinity` parse; an empty or non-numeric cell gives
 * `undefined` (missing), never NaN.
 */

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  "+nan": Number.NaN,
  "-nan": Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  "+inf": Number.POSITIVE_INFINITY,
  "-inf": Number.NEGATIVE_INFINITY,
  infinity: Number.POSITIVE_INFINITY,
  "+infinity": Number.POSITIVE_INFINITY,
  "-infinity": Number.NEGATIVE_INFINITY,
};
/** Exact powers of ten usable in the fast path (Clinger): up to 1e22 every power is exact. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const MAX_FAST_DIGITS = 15;

/** Parses a whole token (already trimmed or not). */
export function parseNumber(text: string): number | undefined {
  return parseNumberIn(text, 0, text.length);
}

/**
 * Parses `text[start, end)` without allocating for plain decimals (the CSV hot path). Surrounding
 * spaces and double quotes are ignored.
 */
export function parseNumberIn(text: string, start: number, end: number): number | undefined {
  while (start < end && isPad(text.charCodeAt(start))) start++;
  while (end > start && isPad(text.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  const fast = fastDecimal(text, start, end);
  if (fast !== undefined) return fast;
  const token = text.slice(start, end);
  if (NUMERIC.test(token)) return Number(token);
  return SPECIAL[token.toLowerCase()];
}

function isPad(code: number): boolean {
  return code === 32 || code === 9 || code === 34 || code === 13;
}

/** Integer and decimal literals with at most 15 significant digits and no exponent; else undefined. */
function fastDecimal(text: string, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let sawDigit = false;
  let fraction = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      sawDigit = true;
      if (digits > 0 || c !== 48) digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      return undefined;
    }
  }
  const scale = fraction < 0 ? 0 : fraction;
  if (!sawDigit || digits > MAX_FAST_DIGITS || scale >= POW10.length) return undefined;
  const value = mantissa / (POW10[scale] ?? 1);
  return negative ? -value : value;
}
