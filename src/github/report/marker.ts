/**
 * Hidden HTML markers that identify the app's sticky comments, so the app finds its own comment
 * without relying on a bot login (which differs per installation and on GitHub Enterprise).
 */

/** The marker line for a sticky comment kind, e.g. `<!-- loss-doctor:report -->`. */
export function commentMarker(key: string): string {
  return `<!-- loss-doctor:${key} -->`;
}

/**
 * True when `body` is a sticky comment of exactly `key`: its first line is the marker. A comment that
 * merely quotes a marker, or carries another key's marker (`report` vs `workflow-7`), does not match.
 */
export function hasMarker(body: string | null | undefined, key: string): boolean {
  if (body === null || body === undefined) return false;
  const firstLine = body.trimStart().split("\n", 1)[0] ?? "";
  return firstLine.trim() === commentMarker(key);
}
