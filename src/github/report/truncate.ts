/** The visible note appended when a report is cut to fit a GitHub limit. */
export function overflowNote(omittedChars: number, where: string): string {
  return `\n\n> [!NOTE]\n> Report truncated: ${omittedChars.toLocaleString("en-US")} more characters did not fit into ${where}. ` +
    "Run `loss-doctor diagnose` locally or see the check run for the full details.\n";
}

/**
 * Cuts Markdown to at most `limit` characters, at a line boundary, closing an open code fence and
 * appending a visible overflow note. Text that fits is returned unchanged.
 */
export function truncateMarkdown(text: string, limit: number, where: string): string {
  if (text.length <= limit) return text;
  let noteBudget = overflowNote(text.length, where).length + 8;
  let cut = text.slice(0, Math.max(0, limit - noteBudget));
  const lastNewline = cut.lastIndexOf("\n");
  if (lastNewline > 0) cut = cut.slice(0, lastNewline);
  const fences = cut.match(/^```/gm)?.length ?? 0;
  if (fences % 2 === 1) cut += "\n```";
  const note = overflowNote(text.length - cut.length, where);
  noteBudget = note.length;
  return `${cut.slice(0, limit - noteBudget)}${note}`;
}

/** Cuts plain text (annotation messages, titles) to `limit` characters with an ellipsis. */
export function truncatePlain(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}
