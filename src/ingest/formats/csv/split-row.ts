/**
 * Splits one CSV line into cell bounds without allocating cell strings (the 1M-row hot path).
 * Quotes follow RFC 4180: a cell starting with `"` runs to the closing quote; `""` is an escaped quote.
 */

/** Reusable cell bounds: cell `i` is `line.slice(starts[i], ends[i])` (quotes included). */
export interface CellBounds {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Cells per row the bounds start with; they grow when a wider row arrives. */
const INITIAL_CELLS = 64;

export function newCellBounds(): CellBounds {
  return { starts: new Int32Array(INITIAL_CELLS), ends: new Int32Array(INITIAL_CELLS), count: 0 };
}

function push(out: CellBounds, start: number, end: number): void {
  if (out.count === out.starts.length) {
    const starts = new Int32Array(out.count * 2);
    const ends = new Int32Array(out.count * 2);
    starts.set(out.starts);
    ends.set(out.ends);
    out.starts = starts;
    out.ends = ends;
  }
  out.starts[out.count] = start;
  out.ends[out.count] = end;
  out.count++;
}

/** Fills `out` with the cells of `line`; returns false when a quoted cell is not closed. */
export function splitRow(line: string, delimiter: number, out: CellBounds): boolean {
  out.count = 0;
  const length = line.length;
  let start = 0;
  for (let i = 0; i < length; i++) {
    const c = line.charCodeAt(i);
    if (c === delimiter) {
      push(out, start, i);
      start = i + 1;
    } else if (c === 34) {
      const close = skipQuoted(line, i + 1);
      if (close > length) {
        push(out, start, length);
        return false;
      }
      i = close - 1;
    }
  }
  push(out, start, length);
  return true;
}

/** Index just after the closing quote, or length + 1 when the quote never closes. */
function skipQuoted(line: string, from: number): number {
  let pos = from;
  for (;;) {
    const quote = line.indexOf('"', pos);
    if (quote < 0) return line.length + 1;
    if (line.charCodeAt(quote + 1) === 34) {
      pos = quote + 2;
      continue;
    }
    return quote + 1;
  }
}

/** The text of a cell: trimmed, quotes removed, `""` unescaped. */
export function cellText(line: string, start: number, end: number): string {
  const raw = line.slice(start, end).trim();
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) return raw.slice(1, -1).replaceAll('""', '"').trim();
  return raw;
}

/** True when the cell holds nothing but spaces and quotes. */
export function isBlankCell(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 34 && c !== 9 && c !== 13) return false;
  }
  return true;
}

const DELIMITERS = [44, 9, 59] as const;

/** Picks `,`, tab or `;` by how often each appears outside quotes in the header line. */
export function detectDelimiter(header: string): number {
  let best: number = 44;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < header.length; i++) {
      const c = header.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === delimiter && !quoted) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
