import { LineCounter, isSeq, isScalar, parseDocument } from "yaml";
import type { Issue } from "../domain/issue.js";
import { messages } from "./messages.js";

/** Where a line of the concatenated notebook code came from. */
export interface NotebookLine {
  /** 1-based index among code cells. */
  cell: number;
  /** 1-based line inside the cell. */
  cellLine: number;
  /** 1-based line in the .ipynb JSON text, when known. */
  jsonLine: number | null;
  /** 1-based column in that JSON line where the line's string content starts (one string per line only). */
  jsonColumn: number | null;
}

export interface NotebookSource {
  /** Code cells joined with newlines; IPython magics (`%`, `!`) are blanked so Python parses. */
  code: string;
  lines: NotebookLine[];
}

interface RawCell {
  cell_type?: unknown;
  source?: unknown;
}

function cellLines(source: unknown): string[] | null {
  if (typeof source === "string") return source.split("\n");
  if (Array.isArray(source) && source.every((s) => typeof s === "string")) return (source as string[]).join("").split("\n");
  return null;
}

interface Position {
  line: number;
  /** Column of the first character inside the quotes, for array elements. */
  column: number | null;
}

/** JSON position of each source element per cell index (standard nbformat has one element per line). */
function sourcePositions(text: string): Map<number, Position[]> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  const positions = new Map<number, Position[]>();
  const cells = doc.get("cells");
  if (!isSeq(cells)) return positions;
  cells.items.forEach((cell, index) => {
    const source = (cell as { get?: (k: string) => unknown }).get?.("source");
    if (isSeq(source)) {
      positions.set(
        index,
        source.items.map((item) => {
          const at = isScalar(item) && item.range ? counter.linePos(item.range[0]) : null;
          return at === null ? { line: 0, column: null } : { line: at.line, column: at.col + 1 };
        }),
      );
    } else if (isScalar(source) && source.range) {
      positions.set(index, [{ line: counter.linePos(source.range[0]).line, column: null }]);
    }
  });
  return positions;
}

function parseNotebook(text: string): RawCell[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const cells = (parsed as { cells?: unknown } | null)?.cells;
  return Array.isArray(cells) ? (cells as RawCell[]) : "no \"cells\" array";
}

/** Extracts code cells with a line map back to cell/line and the JSON line. Invalid input → issue. */
export function readNotebook(path: string, text: string, issues: Issue[]): NotebookSource | null {
  const cells = parseNotebook(text);
  if (typeof cells === "string") {
    issues.push({ code: "notebook-invalid", severity: "warning", message: messages.notebookInvalid(cells), location: { file: path } });
    return null;
  }
  const positions = sourcePositions(text);
  const code: string[] = [];
  const lines: NotebookLine[] = [];
  let codeCell = 0;
  cells.forEach((cell, index) => {
    if (cell?.cell_type !== "code") return;
    const source = cellLines(cell.source);
    if (source === null) return;
    codeCell += 1;
    const json = positions.get(index) ?? [];
    const perLine = json.length === source.length || json.length === source.length - 1;
    source.forEach((line, i) => {
      code.push(/^\s*[%!]/.test(line) ? "" : line);
      const at = json[Math.min(i, json.length - 1)];
      lines.push({ cell: codeCell, cellLine: i + 1, jsonLine: at?.line || null, jsonColumn: perLine ? at?.column ?? null : null });
    });
  });
  return { code: code.join("\n"), lines };
}
