/**
 * Byte → text helpers for line-oriented logs. Decoding happens in chunks cut at newlines, so files
 * larger than V8's maximum string length can still be read, and memory stays bounded by the chunk.
 */

/** Bytes decoded per chunk; chunks end at a newline so no line or UTF-8 sequence is split. */
export const DECODE_CHUNK_BYTES = 8 * 1024 * 1024;

/** Largest document decoded as one string (JSON); V8 strings cannot exceed ~512 M characters. */
export const MAX_SINGLE_STRING_BYTES = 256 * 1024 * 1024;

const NEWLINE = 0x0a;

/** Which text encoding the byte-order mark (or its absence) says. */
export function sniffEncoding(data: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (data[0] === 0xff && data[1] === 0xfe) return "utf-16le";
  if (data[0] === 0xfe && data[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** Decodes the whole input (BOM removed). Use only for inputs below MAX_SINGLE_STRING_BYTES. */
export function decodeText(data: Uint8Array): string {
  return new TextDecoder(sniffEncoding(data)).decode(data);
}

/** A line callback; return `false` to stop early. `lineNo` is 1-based. */
export type LineVisitor = (line: string, lineNo: number) => boolean | void;

/**
 * Calls `visit` for every line (without the `\n`, and without a trailing `\r`). Inner `\r` (progress
 * bars) are kept for the caller. Returns true when the text contained undecodable bytes.
 */
export function forEachLine(data: Uint8Array, visit: LineVisitor, chunkBytes = DECODE_CHUNK_BYTES): boolean {
  const encoding = sniffEncoding(data);
  if (encoding !== "utf-8") return visitString(decodeText(data), visit, 1).replaced;
  let lineNo = 1;
  let replaced = false;
  let start = 0;
  while (start < data.length) {
    let end = Math.min(data.length, start + chunkBytes);
    if (end < data.length) {
      const cut = data.lastIndexOf(NEWLINE, end - 1);
      end = cut >= start ? cut + 1 : nextNewline(data, end);
    }
    const text = new TextDecoder("utf-8").decode(data.subarray(start, end));
    const result = visitString(text, visit, lineNo);
    replaced ||= result.replaced;
    if (result.stopped) break;
    lineNo = result.nextLine;
    start = end;
  }
  return replaced;
}

function nextNewline(data: Uint8Array, from: number): number {
  const index = data.indexOf(NEWLINE, from);
  return index < 0 ? data.length : index + 1;
}

function visitString(text: string, visit: LineVisitor, firstLine: number): { nextLine: number; stopped: boolean; replaced: boolean } {
  const replaced = text.includes("\uFFFD");
  let lineNo = firstLine;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (visit(text.slice(pos, end), lineNo) === false) return { nextLine: lineNo + 1, stopped: true, replaced };
    lineNo++;
    pos = nl + 1;
  }
  return { nextLine: lineNo, stopped: false, replaced };
}

/** First `maxBytes` of the input as text, for sniffing. */
export function headText(data: Uint8Array, maxBytes = 64 * 1024): string {
  const head = data.subarray(0, Math.min(data.length, maxBytes));
  return new TextDecoder(sniffEncoding(data)).decode(head);
}
