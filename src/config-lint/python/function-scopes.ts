/**
 * Function extents of a Python source from indentation (text only), and the innermost function around
 * an offset. Used by `locate` to give each call and assignment its enclosing function name.
 */

const DEF_LINE = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm;

export interface FunctionScope {
  start: number;
  end: number;
  name: string;
  /**
   * Index of the scope that was innermost-open when this one started (-1 at module level). Every scope
   * that starts earlier and is not on this chain ends before this one starts.
   */
  parent: number;
}

export interface FunctionScopes {
  scopes: FunctionScope[];
}

const BODY_LINE = /\n([ \t]*)(?=[^ \t\n#])/g;

/** End of the body of a `def` indented `indent`: the first later code line indented no deeper. */
function bodyEnd(source: string, from: number, indent: number): number {
  BODY_LINE.lastIndex = from;
  for (let next = BODY_LINE.exec(source); next !== null; next = BODY_LINE.exec(source)) {
    if ((next[1] ?? "").replace(/\t/g, "    ").length <= indent) return next.index;
  }
  return source.length;
}

/** Function extents from indentation (text only), sorted by start, each linked to its enclosing one. */
export function functionScopes(source: string): FunctionScopes {
  const scopes: FunctionScope[] = [];
  const open: number[] = [];
  for (const match of source.matchAll(DEF_LINE)) {
    const indent = (match[1] ?? "").replace(/\t/g, "    ").length;
    const end = bodyEnd(source, match.index + match[0].length, indent);
    while (open.length > 0 && scopes[open[open.length - 1]!]!.end <= match.index) open.pop();
    open.push(scopes.length);
    scopes.push({ start: match.index, end, name: match[2] ?? "", parent: open[open.length - 2] ?? -1 });
  }
  return { scopes };
}

/**
 * Scope of a position: the last-starting `def` extent that contains it, else null. Binary search for
 * the last scope starting at or before `index`, then up its parent chain: any earlier-starting scope
 * off that chain ended before a later scope started, so it cannot contain `index`.
 */
export function scopeAt({ scopes }: FunctionScopes, index: number): string | null {
  let low = 0;
  let high = scopes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (scopes[mid]!.start <= index) low = mid;
    else high = mid - 1;
  }
  let at = (scopes[low]?.start ?? Infinity) <= index ? low : -1;
  while (at >= 0 && index >= scopes[at]!.end) at = scopes[at]!.parent;
  return at >= 0 ? scopes[at]!.name : null;
}
