import type { LintFinding } from "../../config-lint/lint.js";

/** One review comment with a one-click ```suggestion block. */
export interface ReviewSuggestion {
  path: string;
  line: number;
  body: string;
}

/** RIGHT-side line numbers a review comment may target, from a unified-diff `patch` (pure). */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (patch === undefined) return lines;
  let next = 0;
  for (const row of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (hunk) next = Number(hunk[1]);
    else if (row.startsWith("+") || row.startsWith(" ")) lines.add(next++);
    // "-" rows exist only on the LEFT side; "\ No newline" rows are metadata
  }
  return lines;
}

/** Applies a one-line replacement (1-based columns, end exclusive) to the source line. */
function applyReplacement(lineText: string, startColumn: number, endColumn: number, text: string): string {
  return lineText.slice(0, startColumn - 1) + text + lineText.slice(endColumn - 1);
}

/**
 * Review suggestions for findings the PR introduced that carry a one-line fix, limited to lines in
 * the PR's diff (GitHub rejects review comments elsewhere). `files` maps path → head text and patch.
 */
export function buildReviewSuggestions(
  findings: LintFinding[],
  files: ReadonlyMap<string, { text: string; patch: string | undefined }>,
): ReviewSuggestion[] {
  const out: ReviewSuggestion[] = [];
  for (const f of findings) {
    const r = f.fix?.replacement;
    const file = files.get(f.file);
    if (r === undefined || file === undefined || f.fix === undefined) continue;
    if (!commentableLines(file.patch).has(r.line)) continue;
    const original = file.text.split(/\r?\n/)[r.line - 1];
    if (original === undefined) continue;
    const fixed = applyReplacement(original, r.startColumn, r.endColumn, r.text);
    if (fixed === original) continue;
    out.push({
      path: f.file,
      line: r.line,
      body: `**\`${f.id}\`**: ${f.message}\n\n${f.fix.description}\n\n\`\`\`suggestion\n${fixed}\n\`\`\``,
    });
  }
  return out;
}
