import type { Node, Tree } from "web-tree-sitter";
import { functionScopes, scopeAt, type FunctionScopes as Scopes } from "./function-scopes.js";

/**
 * Locating the nodes the extractor needs without walking the whole tree: a text scan proposes
 * positions (interesting call names, assignment lines, `def` lines) and tree-sitter confirms each one.
 * Candidates inside strings, comments or broken code are rejected by the tree.
 */

export interface Located {
  node: Node;
  type: "call" | "assignment" | "def";
  start: number;
  end: number;
  scope: string | null;
  /** Calls: offsets of the callee name and of the opening parenthesis. */
  nameStart: number;
  nameEnd: number;
  open: number;
}

/** Group 1 is the first `=` of the match (the target's character class has none): no `d` flag needed. */
const ASSIGNMENT_LINE = /^[ \t]*[A-Za-z_(][\w.,()[\]"' \t]*?(=)(?!=)[ \t]*(.*)$/gm;
const SIMPLE_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*(.*)$/gm;

/** Right-hand sides worth reading: literals, arithmetic (scaling), dictionaries, tuples, argparse. */
function valueLike(rhs: string): boolean {
  if (/^\{\s*\}|^\[\s*\]/.test(rhs)) return false;
  if (/^([-+]?[\d.]|["'{([]|True\b|False\b)/.test(rhs) || /\/|parse_(known_)?args/.test(rhs) || rhs.includes(",")) return true;
  // Aliases (`lr = LR`, `bs = args.batch_size`) only for hyperparameter-looking names.
  return /^[A-Za-z_][\w.]*\s*(#.*)?$/.test(rhs) && /^[A-Z][A-Z0-9_]*\b|lr|learning|batch|epoch|rate|decay|momentum|drop/i.test(rhs);
}


/**
 * Top-level statements sorted by offset: `descendantForIndex` from the root scans the root's children
 * linearly (hundreds in a long script), so positions are first narrowed to one statement in JS.
 */
class NodeFinder {
  private readonly top: Node[];
  private readonly starts: number[];

  constructor(private readonly tree: Tree) {
    this.top = tree.rootNode.children.filter((c): c is Node => c !== null);
    this.starts = this.top.map((c) => c.startIndex);
  }

  at(index: number): Node | null {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    const statement = this.top[low];
    return statement !== undefined && this.starts[low]! <= index ? statement.descendantForIndex(index) : this.tree.rootNode.descendantForIndex(index);
  }
}

/** The call node whose callee ends with the identifier at `index` (`Adam` in `optim.Adam(`), if any. */
function callAt(finder: NodeFinder, index: number): Node | null {
  const identifier = finder.at(index);
  if (identifier?.type !== "identifier") return null;
  const parent = identifier.parent;
  const callee = parent?.type === "attribute" ? parent : identifier;
  const call = callee === parent ? parent.parent : parent;
  if (call?.type !== "call") return null;
  // A child of the call starting where the call starts is its `function` field (the argument list
  // cannot start there), so the callee ends with the identifier iff both end at the same offset.
  if (call.startIndex !== callee.startIndex) return null;
  return callee === identifier || callee.endIndex === identifier.endIndex ? call : null;
}

/**
 * Finds calls and assignments without walking the whole tree: a text scan proposes positions
 * (interesting call names, assignment lines), the tree confirms each. Returned in document order.
 */
/**
 * Names assigned on more than one line (`activation = "sigmoid"` … `activation = "softmax"`), and
 * among them those with a non-literal assignment somewhere (never constant). Text only.
 */
export function reassignedNames(source: string): { reassigned: Set<string>; ambiguous: Set<string> } {
  const seen = new Set<string>();
  const reassigned = new Set<string>();
  const nonLiteral = new Set<string>();
  for (const match of source.matchAll(SIMPLE_ASSIGNMENT)) {
    const name = match[1] ?? "";
    if (seen.has(name)) reassigned.add(name);
    seen.add(name);
    if (!valueLike(match[2] ?? "")) nonLiteral.add(name);
  }
  return { reassigned, ambiguous: new Set([...reassigned].filter((n) => nonLiteral.has(n))) };
}

const SPACE = /\s/;

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export interface CallName {
  name: string;
  /** Offsets of the name and of its opening parenthesis. */
  index: number;
  open: number;
}

/**
 * Every `name(` / `name (` in the text, in order: the same positions as `/\b([A-Za-z_]\w*)\s*\(/g`,
 * found by looking back from each `(` (a regex scan backtracks on every identifier of the file).
 */
export function callNames(source: string): CallName[] {
  const names: CallName[] = [];
  for (let open = source.indexOf("("); open >= 0; open = source.indexOf("(", open + 1)) {
    let end = open;
    while (end > 0 && SPACE.test(source[end - 1]!)) end -= 1;
    let start = end;
    while (start > 0 && isWordCode(source.charCodeAt(start - 1))) start -= 1;
    const first = source.charCodeAt(start);
    if (start < end && !(first >= 48 && first <= 57)) names.push({ name: source.slice(start, end), index: start, open });
  }
  return names;
}

function locateCalls(finder: NodeFinder, source: string, scopes: Scopes, interesting: (name: string) => boolean, found: Located[]): void {
  const verdicts = new Map<string, boolean>();
  for (const { name, index, open } of callNames(source)) {
    let keep = verdicts.get(name);
    if (keep === undefined) verdicts.set(name, (keep = interesting(name)));
    if (!keep) continue;
    const call = callAt(finder, index);
    if (call === null) continue;
    const nameEnd = index + name.length;
    found.push({ node: call, type: "call", start: call.startIndex, end: call.endIndex, scope: scopeAt(scopes, index), nameStart: index, nameEnd, open });
  }
}

function locateAssignments(finder: NodeFinder, source: string, scopes: Scopes, found: Located[]): void {
  for (const match of source.matchAll(ASSIGNMENT_LINE)) {
    if (!valueLike(match[2] ?? "")) continue;
    const equals = match.index + match[0].indexOf("=");
    const token = finder.at(equals);
    const assignment = token?.type === "=" ? token.parent : null;
    if (assignment?.type !== "assignment") continue;
    found.push({ node: assignment, type: "assignment", start: assignment.startIndex, end: assignment.endIndex, scope: scopeAt(scopes, equals), nameStart: 0, nameEnd: 0, open: 0 });
  }
}

export function locate(tree: Tree, source: string, interesting: (name: string) => boolean): Located[] {
  const scopes = functionScopes(source);
  const finder = new NodeFinder(tree);
  const found: Located[] = [];
  locateCalls(finder, source, scopes, interesting, found);
  locateAssignments(finder, source, scopes, found);
  const root = tree.rootNode;
  for (const scope of scopes.scopes) {
    const open = source.indexOf("(", scope.start);
    if (open >= 0) found.push({ node: root, type: "def", start: scope.start, end: scope.end, scope: scope.name, nameStart: 0, nameEnd: 0, open });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end || (a.type === "call" ? 1 : -1));
}
