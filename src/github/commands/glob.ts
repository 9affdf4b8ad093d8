/**
 * Minimal glob matching for repository paths (pure): `**` any directories, `*` within a segment, `?`
 * one character, `{a,b}` alternatives. Matching is case-sensitive, like git paths.
 */

const cache = new Map<string, RegExp>();

function escape(ch: string): string {
  return /[.+^$()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

/** Compiles one glob to an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached !== undefined) return cached;
  let re = "";
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? "";
    if (ch === "*" && glob[i + 1] === "*") {
      const slashAfter = glob[i + 2] === "/";
      re += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "{") { re += "(?:"; inBraces++; }
    else if (ch === "}" && inBraces > 0) { re += ")"; inBraces--; }
    else if (ch === "," && inBraces > 0) re += "|";
    else re += escape(ch);
  }
  const compiled = new RegExp(`^${re}$`);
  cache.set(glob, compiled);
  return compiled;
}

/** True when `path` matches one of `include` and none of `exclude`. */
export function matchesGlobs(path: string, include: readonly string[], exclude: readonly string[] = []): boolean {
  const clean = path.replace(/^\.?\//, "");
  return include.some((g) => globToRegExp(g).test(clean)) && !exclude.some((g) => globToRegExp(g).test(clean));
}
