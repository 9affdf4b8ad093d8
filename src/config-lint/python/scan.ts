/**
 * Text scanning of Python argument lists and expressions, used after tree-sitter has confirmed where a
 * call is. Works on offsets into the source; knows brackets, strings (incl. triple-quoted, prefixes) and
 * comments, which is all that is needed to split arguments reliably.
 */

/** Character codes of the few characters the scanner looks at (char codes avoid a string per character). */
const CODE = { quote: 34, apostrophe: 39, hash: 35, comma: 44, backslash: 92, newline: 10 } as const;

function isOpen(code: number): boolean {
  return code === 40 || code === 91 || code === 123; // ( [ {
}

function isClose(code: number): boolean {
  return code === 41 || code === 93 || code === 125; // ) ] }
}

function isQuote(code: number): boolean {
  return code === CODE.quote || code === CODE.apostrophe;
}

/** Offset just past the string literal starting at `i` (a quote character). */
export function skipString(source: string, i: number): number {
  const quote = source.charCodeAt(i);
  const triple = source.charCodeAt(i + 1) === quote && source.charCodeAt(i + 2) === quote;
  const width = triple ? 3 : 1;
  let j = i + width;
  while (j < source.length) {
    const c = source.charCodeAt(j);
    if (c === CODE.backslash) j += 2;
    else if (c === quote && (!triple || (source.charCodeAt(j + 1) === quote && source.charCodeAt(j + 2) === quote))) return j + width;
    else if (!triple && c === CODE.newline) return j;
    else j += 1;
  }
  return source.length;
}

/** Trims whitespace and leading comment lines (`# params` before `lr=0.1`) from [start, end). */
function trimSegment(source: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  for (;;) {
    while (s < e && /\s/.test(source[s]!)) s += 1;
    if (source[s] !== "#") break;
    const newline = source.indexOf("\n", s);
    s = newline < 0 || newline > e ? e : newline + 1;
  }
  e = withoutComment(source, s, e);
  while (e > s && /\s/.test(source[e - 1]!)) e -= 1;
  return e > s ? [s, e] : null;
}

/**
 * Splits the bracketed region starting at `open` (an opening bracket) into top-level comma-separated
 * segments [start, end) (trimmed). Returns the segments and the offset of the closing bracket.
 */
export function splitBracket(source: string, open: number): { segments: [number, number][]; close: number } {
  const segments: [number, number][] = [];
  let depth = 0;
  let segmentStart = open + 1;
  const push = (end: number): void => {
    const trimmed = trimSegment(source, segmentStart, end);
    if (trimmed !== null) segments.push(trimmed);
  };
  for (let i = open; i < source.length; ) {
    const c = source.charCodeAt(i);
    if (isQuote(c)) {
      i = skipString(source, i);
      continue;
    }
    if (c === CODE.hash) {
      const newline = source.indexOf("\n", i);
      i = newline < 0 ? source.length : newline;
      continue;
    }
    if (isOpen(c)) depth += 1;
    else if (isClose(c)) {
      depth -= 1;
      if (depth === 0) {
        push(i);
        return { segments, close: i };
      }
    } else if (c === CODE.comma && depth === 1) {
      push(i);
      segmentStart = i + 1;
    }
    i += 1;
  }
  push(source.length);
  return { segments, close: source.length };
}

/** Strips a trailing comment from a one-segment expression text (keeps `#` inside strings). */
export function withoutComment(source: string, start: number, end: number): number {
  for (let i = start; i < end; ) {
    const c = source.charCodeAt(i);
    if (isQuote(c)) i = skipString(source, i);
    else if (c === CODE.hash) {
      let e = i;
      while (e > start && /\s/.test(source[e - 1]!)) e -= 1;
      return e;
    } else i += 1;
  }
  return end;
}

/** Splits [start, end) at top-level commas (outside brackets and strings); segments are trimmed. */
export function splitTopLevel(source: string, start: number, end: number): [number, number][] {
  const segments: [number, number][] = [];
  let depth = 0;
  let segmentStart = start;
  const push = (to: number): void => {
    const trimmed = trimSegment(source, segmentStart, to);
    if (trimmed !== null) segments.push(trimmed);
  };
  for (let i = start; i < end; ) {
    const c = source.charCodeAt(i);
    if (isQuote(c)) {
      i = skipString(source, i);
      continue;
    }
    if (isOpen(c)) depth += 1;
    else if (isClose(c)) depth -= 1;
    else if (c === CODE.comma && depth === 0) {
      push(i);
      segmentStart = i + 1;
    }
    i += 1;
  }
  push(end);
  return segments;
}
