import type { Node, Tree } from "web-tree-sitter";
import type { HparamValue } from "../../domain/run.js";
import type { Span, ValueRef } from "../model.js";
import { evaluateNode, type Scope } from "./evaluate.js";

/**
 * Syntax layer: turns a tree-sitter Python tree into plain call/assignment records with resolved
 * literal values (constants, argparse defaults, dict entries). No knowledge of ML frameworks here.
 */

export interface ArgRef extends ValueRef {
  /** Dotted name when the argument is an identifier or attribute (`x_train`, `args.lr`). */
  name: string | null;
  call: CallInfo | null;
  /** Items of a list/tuple argument. */
  items: ArgRef[] | null;
}

export interface CallInfo {
  id: number;
  /** Callee text without whitespace: `tf.keras.optimizers.Adam`, `model.fit`. */
  callee: string;
  /** Last segment of the callee: `Adam`, `fit`. */
  name: string;
  /** Text of the object a method is called on (`model` in `model.fit`), else "". */
  object: string;
  span: Span;
  nameSpan: Span;
  args: ArgRef[];
  kwargs: Record<string, ArgRef>;
  /** Names the result is assigned to (`opt = Adam()` → ["opt"]). */
  assignedTo: string[];
  /** Enclosing function name, or null at module level. */
  scope: string | null;
  /** The enclosing call when this call is an argument (or inside a list argument) of it. */
  parent: CallInfo | null;
  /** Target of `for <target> in <this call>`. */
  forTarget: string | null;
  /** The call is the value of a `return` statement. */
  returned: boolean;
}

export interface AssignInfo {
  targets: string[];
  /** The right-hand side per target when it is a tuple (`a, b = x / 255, y / 255`). */
  values: Node[];
  line: number;
}

export interface PythonSyntax {
  calls: CallInfo[];
  assignments: AssignInfo[];
  imports: string[];
  syntaxErrors: { line: number; column: number; text: string }[];
  scope: Scope;
}

export function spanOf(node: Node): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
    text: node.text,
  };
}

/** A node of interest with the context the walk knows for free (no parent look-ups later). */
interface Visit {
  node: Node;
  type: string;
  /** Enclosing function name. */
  scope: string | null;
  parentType: string;
  /** Field name of the node in its parent (`right` of an assignment, `function`, ...). */
  field: string | null;
}

const CALL_NAME = /\b([A-Za-z_]\w*)\s*\(/g;
const ASSIGNMENT_LINE = /^[ \t]*[A-Za-z_(][\w.,()[\]"' \t]*?\s*(=)(?!=)\s*(.*)$/dgm;
const IMPORT_LINE = /^[ \t]*(?:import|from)[ \t]+[^\n]+/gm;
const DEF_LINE = /^([ \t]*)(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)/gm;

/** Right-hand sides worth reading: literals, arithmetic (scaling), dictionaries, tuples, argparse. */
function valueLike(rhs: string): boolean {
  return /^([-+]?[\d.]|["'{([]|True\b|False\b)/.test(rhs) || /\/|parse_(known_)?args|^[A-Za-z_][\w.]*\s*(#.*)?$/.test(rhs);
}

/** Function extents from indentation (text only): scope of a position = innermost `def` around it. */
function functionScopes(source: string): { start: number; end: number; name: string }[] {
  const scopes: { start: number; end: number; name: string }[] = [];
  for (const match of source.matchAll(DEF_LINE)) {
    const indent = (match[1] ?? "").replace(/\t/g, "    ").length;
    const bodyStart = source.indexOf("\n", match.index);
    let end = source.length;
    const body = /\n([ \t]*)(?=[^ \t\n#])/g;
    body.lastIndex = bodyStart < 0 ? source.length : bodyStart;
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

function scopeAt(scopes: { start: number; end: number; name: string }[], index: number): string | null {
  let found: string | null = null;
  for (const scope of scopes) if (scope.start <= index && index < scope.end) found = scope.name;
  return found;
}

/** The call node whose callee ends with the identifier at `index` (`Adam` in `optim.Adam(`), if any. */
function callAt(tree: Tree, index: number): Node | null {
  const identifier = tree.rootNode.descendantForIndex(index);
  if (identifier?.type !== "identifier") return null;
  let callee: Node | null = identifier;
  const parent = identifier.parent;
  if (parent?.type === "attribute") callee = parent.childForFieldName("attribute")?.id === identifier.id ? parent : null;
  const call = callee?.parent ?? null;
  return call?.type === "call" && call.childForFieldName("function")?.id === callee?.id ? call : null;
}

function visitOf(node: Node, type: string, scope: string | null): Visit {
  const parent = node.parent;
  const parentType = parent?.type ?? "";
  let field: string | null = null;
  if (parentType === "assignment" || parentType === "for_statement") field = parent?.childForFieldName("right")?.id === node.id ? "right" : null;
  return { node, type, scope, parentType, field };
}

/**
 * Finds the nodes the extractor needs without walking the whole tree: a text scan proposes candidate
 * positions (interesting call names, assignment lines, imports), the tree confirms each one. Strings
 * and comments are rejected because the node at the position is not an identifier/assignment there.
 * Visits come back in document order (constants are resolved in that order).
 */
function locateNodes(tree: Tree, source: string, interesting: (name: string) => boolean): { visits: Visit[]; imports: string[] } {
  const scopes = functionScopes(source);
  const found: { start: number; end: number; visit: Visit }[] = [];
  for (const match of source.matchAll(CALL_NAME)) {
    if (!interesting(match[1] ?? "")) continue;
    const call = callAt(tree, match.index);
    if (call !== null) found.push({ start: call.startIndex, end: call.endIndex, visit: visitOf(call, "call", scopeAt(scopes, match.index)) });
  }
  for (const match of source.matchAll(ASSIGNMENT_LINE)) {
    const equals = match.indices?.[1]?.[0];
    if (equals === undefined || !valueLike(match[2] ?? "")) continue;
    const token = tree.rootNode.descendantForIndex(equals);
    const assignment = token?.type === "=" ? token.parent : null;
    if (assignment?.type === "assignment") {
      found.push({ start: assignment.startIndex, end: assignment.endIndex, visit: visitOf(assignment, "assignment", scopeAt(scopes, equals)) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const imports = [...source.matchAll(IMPORT_LINE)].map((m) => m[0].trim());
  return { visits: found.map((f) => f.visit), imports };
}

function targetNames(node: Node | null): string[] {
  if (node === null) return [];
  if (node.type === "identifier" || node.type === "attribute" || node.type === "subscript") return [compact(node.text)];
  return node.namedChildren.flatMap((child) => (child === null ? [] : targetNames(child)));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

function calleeOf(node: Node): { fn: Node | null; nameNode: Node | null } {
  const fn = node.childForFieldName("function");
  return { fn, nameNode: fn?.type === "attribute" ? fn.childForFieldName("attribute") : fn };
}

class CallBuilder {
  readonly calls: CallInfo[] = [];
  private readonly byNode = new Map<number, CallInfo>();

  constructor(private readonly scope: Scope) {}

  /** Creates the record of a visited call (arguments are filled later, in document order). */
  create(visit: Visit): CallInfo {
    const { node } = visit;
    const { fn, nameNode } = calleeOf(node);
    const callee = compact(fn?.text ?? "");
    const parent = visit.parentType === "assignment" || visit.parentType === "for_statement" ? node.parent : null;
    const info: CallInfo = {
      id: this.calls.length,
      callee,
      name: nameNode?.text ?? callee,
      object: fn?.type === "attribute" ? compact(fn.childForFieldName("object")?.text ?? "") : "",
      span: spanOf(node),
      nameSpan: spanOf(nameNode ?? node),
      args: [],
      kwargs: {},
      assignedTo: visit.parentType === "assignment" && visit.field === "right" ? targetNames(parent?.childForFieldName("left") ?? null) : [],
      scope: visit.scope,
      parent: null,
      forTarget: visit.parentType === "for_statement" && visit.field === "right" ? compact(parent?.childForFieldName("left")?.text ?? "") : null,
      returned: visit.parentType === "return_statement",
    };
    this.byNode.set(node.id, info);
    this.calls.push(info);
    return info;
  }

  fill(info: CallInfo, node: Node): void {
    const list = node.childForFieldName("arguments");
    if (list === null) return;
    for (const child of list.namedChildren) {
      if (child === null || child.type === "comment") continue;
      if (child.type === "keyword_argument") {
        const key = child.childForFieldName("name")?.text;
        const value = child.childForFieldName("value");
        if (key !== undefined && value !== null) info.kwargs[key] = this.arg(value, info);
      } else if (child.type !== "list_splat" && child.type !== "dictionary_splat") {
        info.args.push(this.arg(child, info));
      }
    }
  }

  arg(node: Node, owner: CallInfo | null): ArgRef {
    const evaluated = evaluateNode(node, this.scope);
    const isName = node.type === "identifier" || node.type === "attribute";
    let call: CallInfo | null = null;
    let items: ArgRef[] | null = null;
    if (node.type === "call") {
      call = this.byNode.get(node.id) ?? null;
      if (call !== null) call.parent ??= owner;
    } else if (node.type === "list" || node.type === "tuple" || node.type === "parenthesized_expression") {
      items = node.namedChildren.filter((c): c is Node => c !== null && c.type !== "comment").map((c) => this.arg(c, owner));
    }
    return { ...evaluated, name: isName ? compact(node.text) : null, call, items };
  }
}

function syntaxErrors(tree: Tree): { line: number; column: number; text: string }[] {
  if (!tree.rootNode.hasError) return [];
  const found: { line: number; column: number; text: string }[] = [];
  const visit = (node: Node): void => {
    if (found.length >= 20 || !node.hasError) return;
    if (node.isError || node.isMissing) {
      const span = spanOf(node);
      found.push({ line: span.line, column: span.column, text: node.isMissing ? `missing ${node.type}` : (span.text.split("\n")[0] ?? "").slice(0, 40) });
      return;
    }
    for (const child of node.children) if (child !== null) visit(child);
  };
  visit(tree.rootNode);
  return found;
}

/** Reads calls, assignments and imports of one parsed file. `interesting` filters calls by name. */
export function readPythonSyntax(tree: Tree, source: string, interesting: (name: string) => boolean): PythonSyntax {
  const { visits, imports } = locateNodes(tree, source, interesting);
  const scope: Scope = { constants: new Map(), attributes: new Map(), parsedArgs: new Set() };
  const builder = new CallBuilder(scope);
  const result: PythonSyntax = { calls: builder.calls, assignments: [], imports, syntaxErrors: syntaxErrors(tree), scope };
  const created = visits.map((visit) => (visit.type === "call" ? builder.create(visit) : null));
  visits.forEach((visit, index) => {
    const call = created[index];
    if (call) {
      builder.fill(call, visit.node);
      recordArgparse(call, scope);
    } else if (visit.type === "assignment") {
      const assignment = recordAssignment(visit.node, scope);
      if (assignment !== null) result.assignments.push(assignment);
    }
  });
  return result;
}

/** Right-hand sides worth reading: literals, arithmetic (scaling), dictionaries, tuples. */
const VALUE_TYPES = new Set(["integer", "float", "string", "true", "false", "unary_operator", "binary_operator", "dictionary", "expression_list", "parenthesized_expression", "identifier", "call"]);

/** Records `NAME = literal` constants in document order (later definitions win for later uses). */
function recordAssignment(node: Node, scope: Scope): AssignInfo | null {
  const right = node.childForFieldName("right");
  if (right === null || !VALUE_TYPES.has(right.type)) return null;
  if (right.type === "call" && !/\/|parse_(known_)?args/.test(right.text)) return null;
  const left = node.childForFieldName("left");
  const targets = targetNames(left);
  const values = right === null ? [] : right.type === "expression_list" ? right.namedChildren.filter((c): c is Node => c !== null) : [right];
  if (left?.type === "identifier" && right !== null) {
    const value = evaluateNode(right, scope);
    if (value.value !== null) scope.constants.set(left.text, value);
    if (right.type === "dictionary") recordDictionary(left.text, right, scope);
    if (right.type === "call" && /\.parse_(known_)?args$/.test(compact(right.childForFieldName("function")?.text ?? ""))) {
      scope.parsedArgs.add(left.text);
    }
  }
  return { targets, values, line: node.startPosition.row + 1 };
}

function recordDictionary(name: string, dict: Node, scope: Scope): void {
  for (const pair of dict.namedChildren) {
    if (pair?.type !== "pair") continue;
    const key = evaluateNode(pair.childForFieldName("key")!, scope).value;
    const valueNode = pair.childForFieldName("value");
    if (typeof key !== "string" || valueNode === null) continue;
    const value = evaluateNode(valueNode, scope);
    if (value.value !== null) scope.attributes.set(`${name}[${key}]`, value);
  }
}

/** `parser.add_argument("--lr", type=float, default=0.1)` makes `args.lr` resolve to 0.1. */
function recordArgparse(call: CallInfo, scope: Scope): void {
  if (call.name !== "add_argument") return;
  const flag = call.args.find((a) => typeof a.value === "string" && a.value.startsWith("--"))?.value;
  const dest = call.kwargs["dest"]?.value ?? (typeof flag === "string" ? flag.slice(2).replace(/-/g, "_") : null);
  const fallback = call.kwargs["default"];
  if (typeof dest === "string" && fallback !== undefined && fallback.value !== null) {
    scope.attributes.set(`argparse:${dest}`, fallback);
  }
}

export type { HparamValue };
