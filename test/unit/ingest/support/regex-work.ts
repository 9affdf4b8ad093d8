import { setFlagsFromString } from "node:v8";

type LimitedRegExp = (source: string, flags: string, limit: number) => RegExp;
let limitedRegExp: LimitedRegExp | undefined;

/**
 * Whether searching `input` with `pattern` takes V8 more than `limit` backtracks: a count of a
 * regular expression's work that does not depend on the machine's speed. The search runs a copy of
 * `pattern` that V8 abandons after `limit` backtracks (it then reports no match), with an
 * alternative that matches at the end of the input, so the copy finds something unless abandoned.
 * Backtracking is what ambiguous patterns (`\s*[:=]?\s*`) do; a scan that merely restarts at every
 * position is not counted by it.
 */
export function exceedsBacktracks(pattern: RegExp, input: string, limit: number): boolean {
  if (limitedRegExp === undefined) {
    setFlagsFromString("--allow-natives-syntax");
    // V8's own test hook, reachable only through natives syntax (hence a function compiled at run time).
    limitedRegExp = new Function("source", "flags", "limit", "return %NewRegExpWithBacktrackLimit(source, flags, limit);") as LimitedRegExp;
  }
  return limitedRegExp(`(?:${pattern.source})|(?![^])`, pattern.flags.replace(/[gy]/g, ""), limit).exec(input) === null;
}
