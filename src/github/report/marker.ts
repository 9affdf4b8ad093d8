/**
 * Hidden HTML markers that identify the app's sticky comments, so the app finds its own comment
 * without relying on a bot login (which differs per installation and on GitHub Enterprise).
 */

/** The marker line for a sticky comment kind, e.g. `<!-- loss-doctor:report -->`. */
export function commentMarker(key: string): string {
  return `<!-- loss-doctor:${key} -->`;
}

/** True when `body` carries the marker of `key`. */
export function hasMarker(body: string | null | undefined, key: string): boolean {
  return body?.includes(commentMarker(key)) ?? false;
}
