import type { Node, Tree } from "web-tree-sitter";

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

const CALL_NAME = /\b([A-Za-z_]\w*)\s*\(/g;
const ASSIGNMENT_LINE = /^[ \t]*[A-Za-z_(][\w.,()[\]"' \t]*?(=)(?!=)[ \t]*(.*)$/dgm;
const SIMPLE_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*(.*)$/gm;
const DEF_LINE = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm;

/** Right-hand sides worth reading: literals, arithmetic (scaling), dictionaries, tuples, argparse. */
function valueLike(rhs: string): boolean {
  if (/^\{\s*\}|^\[\s*\]/.test(rhs)) return false;
  if (/^([-+]?[\d.]|["'{([]|True\b|False\b)/.test(rhs) || /\/|parse_(known_)?args/.test(rhs) || rhs.includes(",")) return true;
  // Aliases (`lr = LR`, `bs = args.batch_size`) only for hyperparameter-looking names.
  return /^[A-Za-z_][\w.]*\s*(#.*)?$/.test(rhs) && /^[A-Z][A-Z0-9_]*\b|lr|learning|batch|epoch|rate|decay|momentum|drop/i.test(rhs);
}

interface FunctionScope {
  start: number;
  end: number;
  name: string;
}

/** Function extents from indentation (text only): scope of a position = innermost `def` around it. */
function functionScopes(source: string): FunctionScope[] {
  const scopes: FunctionScope[] = [];
  const body = /\n([ \t]*)(?=[^ \t\n#])/g;
  for (const match of source.matchAll(DEF_LINE)) {
    const indent = (match[1] ?? "").replace(/\t/g, "    ").length;
    body.lastIndex = match.index + match[0].length;
    let end = source.length;
    for (let next = body.exec(source); next !== null; next = body.exec(source)) {
      if ((next[1] ?? "").replace(/\t/g, "    ").length <= indent) {
        end = next.index;
        break;
      }
    }
    scopes.push({ start: match.index, end, name: match[2] ?? "" });
  }
  return scopes;
}

function scopeAt(scopes: FunctionScope[], index: number): string | null {
  let found: string | null = null;
  for (const scope of scopes) {
    if (scope.start > index) break;
    if (index < scope.end) found = scope.name;
  }
  return found;
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
  return call.startIndex === callee.startIndex && call.childForFieldName("function")?.endIndex === identifier.endIndex ? call : null;
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

export function locate(tree: Tree, source: string, interesting: (name: string) => boolean): Located[] {
  const scopes = functionScopes(source);
  const finder = new NodeFinder(tree);
  const found: Located[] = [];
  for (const match of source.matchAll(CALL_NAME)) {
    const name = match[1] ?? "";
    if (!interesting(name)) continue;
    const call = callAt(finder, match.index);
    if (call === null) continue;
    const nameEnd = match.index + name.length;
    const open = source.indexOf("(", nameEnd);
    found.push({ node: call, type: "call", start: call.startIndex, end: call.endIndex, scope: scopeAt(scopes, match.index), nameStart: match.index, nameEnd, open });
  }
  for (const match of source.matchAll(ASSIGNMENT_LINE)) {
    const equals = match.indices?.[1]?.[0];
    if (equals === undefined || !valueLike(match[2] ?? "")) continue;
    const token = finder.at(equals);
    const assignment = token?.type === "=" ? token.parent : null;
    if (assignment?.type !== "assignment") continue;
    found.push({ node: assignment, type: "assignment", start: assignment.startIndex, end: assignment.endIndex, scope: scopeAt(scopes, equals), nameStart: 0, nameEnd: 0, open: 0 });
  }
  for (const scope of scopes) {
    const open = source.indexOf("(", scope.start);
    if (open >= 0) found.push({ node: tree.rootNode, type: "def", start: scope.start, end: scope.end, scope: scope.name, nameStart: 0, nameEnd: 0, open });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end || (a.type === "call" ? 1 : -1));
}
