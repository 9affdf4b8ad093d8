import type { Node, Tree } from "web-tree-sitter";
import type { Span, ValueRef } from "../model.js";
import { evaluateText, type Scope } from "./evaluate.js";
import { splitBracket, splitTopLevel, withoutComment } from "./scan.js";
import { SourceMap } from "./source-map.js";
import { locate, reassignedNames, type Located } from "./locate.js";

/**
 * Syntax layer: tree-sitter confirms where calls and assignments are (so strings, comments and broken
 * code are never mistaken for code); argument lists and values are then read from the source text by
 * offset, which avoids thousands of wasm round trips per file. No ML-framework knowledge here.
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
  /** The call passes `*args`/`**kwargs`: arguments not written out may be set there. */
  splat: boolean;
}

export interface AssignInfo {
  targets: string[];
  /** Right-hand side texts: one per target for tuple assignments (`a, b = x / 255, y / 255`), else one. */
  values: string[];
  line: number;
}

export interface PythonSyntax {
  calls: CallInfo[];
  assignments: AssignInfo[];
  imports: string[];
  syntaxErrors: { line: number; column: number; text: string }[];
  scope: Scope;
}

const IMPORT_LINE = /^[ \t]*(?:import|from)[ \t]+[^\n]+/gm;

export function compact(text: string): string {
  return text.replace(/\s+/g, "");
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

function targetNames(text: string): string[] {
  return text
    .replace(/[()[\]\s*]/g, "")
    .split(",")
    .filter((t) => /^[A-Za-z_][\w.]*(\[[^\]]*\])?$/.test(t));
}

class CallBuilder {
  readonly calls: CallInfo[] = [];
  private readonly byStart = new Map<number, CallInfo>();

  constructor(
    private readonly map: SourceMap,
    private readonly scope: Scope,
  ) {}

  /** Creates the record of a located call (arguments are filled later, in document order). */
  create(at: Located): CallInfo {
    const source = this.map.source;
    const callee = compact(source.slice(at.start, at.nameEnd));
    const parent = at.node.parent;
    const parentType = parent?.type ?? "";
    const right = parentType === "assignment" || parentType === "for_statement" ? parent?.childForFieldName("right") : null;
    const left = right?.startIndex === at.start ? parent?.childForFieldName("left")?.text ?? "" : null;
    const info: CallInfo = {
      id: this.calls.length,
      callee,
      name: source.slice(at.nameStart, at.nameEnd),
      object: callee.includes(".") ? callee.slice(0, callee.lastIndexOf(".")) : "",
      span: this.map.span(at.start, at.end),
      nameSpan: this.map.span(at.nameStart, at.nameEnd),
      args: [],
      kwargs: {},
      assignedTo: parentType === "assignment" && left !== null ? targetNames(left) : [],
      scope: at.scope,
      parent: null,
      forTarget: parentType === "for_statement" && left !== null ? compact(left) : null,
      returned: parentType === "return_statement",
      splat: false,
    };
    if (!this.byStart.has(at.start)) this.byStart.set(at.start, info);
    this.calls.push(info);
    return info;
  }

  fill(info: CallInfo, at: Located): void {
    const source = this.map.source;
    for (const [start, end] of splitBracket(source, at.open).segments) {
      if (source[start] === "*") {
        info.splat = true;
        continue;
      }
      const keyword = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(source.slice(start, Math.min(end, start + 80)));
      if (keyword !== null && keyword[1] !== undefined) info.kwargs[keyword[1]] = this.arg(start + keyword[0].length, end, info);
      else info.args.push(this.arg(start, end, info));
    }
  }

  arg(start: number, rawEnd: number, owner: CallInfo | null): ArgRef {
    const source = this.map.source;
    const end = withoutComment(source, start, rawEnd);
    const evaluated = evaluateText(this.map, start, end, this.scope);
    const text = source.slice(start, end);
    const call = this.byStart.get(start) ?? null;
    if (call !== null) call.parent ??= owner;
    let items: ArgRef[] | null = null;
    const first = source[start];
    if (first === "[" || first === "(") {
      const inner = splitBracket(source, start);
      if (inner.close === end - 1) items = inner.segments.map(([s, e]) => this.arg(s, e, owner));
    }
    const name = /^[A-Za-z_][\w.\s]*$/.test(text) ? compact(text) : null;
    // evaluateText returns a fresh object: extending it in place avoids a spread copy per argument.
    return Object.assign(evaluated, { name, call, items });
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

/** Records constants (`NAME = literal`), dict entries and `parse_args()` holders, in document order. */
function recordAssignment(at: Located, map: SourceMap, scope: Scope): AssignInfo | null {
  const left = at.node.childForFieldName("left");
  const right = at.node.childForFieldName("right");
  if (left === null || right === null) return null;
  const [start, end] = [right.startIndex, withoutComment(map.source, right.startIndex, right.endIndex)];
  const rhs = map.source.slice(start, end);
  const targets = targetNames(left.text);
  const name = left.type === "identifier" ? left.text : null;
  if (name !== null) {
    const value = evaluateText(map, start, end, scope);
    recordConstant(name, value, scope);
    if (rhs.startsWith("{")) recordDictionary(name, start, map, scope);
    if (/\.parse_(known_)?args\s*\(/.test(rhs)) scope.parsedArgs.add(name);
  }
  const values = right.type === "expression_list" ? splitTopLevel(map.source, start, end).map(([s, e]) => map.source.slice(s, e)) : [rhs];
  return { targets, values, line: map.position(at.start).line };
}

/**
 * `NAME = literal` becomes a constant. A name assigned on several lines (branches, loops) stays a
 * constant only while all its literal assignments agree; otherwise it is never resolved, so a value
 * from one branch is not reported as the value used.
 */
function recordConstant(name: string, value: ValueRef, scope: Scope): void {
  if (scope.ambiguous.has(name)) return;
  const known = scope.constants.get(name);
  const conflicting = scope.reassigned.has(name) && (value.value === null || (known !== undefined && known.value !== value.value));
  if (conflicting) {
    scope.constants.delete(name);
    scope.ambiguous.add(name);
  } else if (value.value !== null) {
    scope.constants.set(name, value);
  }
}

function recordDictionary(name: string, open: number, map: SourceMap, scope: Scope): void {
  for (const [start, end] of splitBracket(map.source, open).segments) {
    const colon = /^(["'])([^"'\n]*)\1\s*:\s*/.exec(map.source.slice(start, end));
    if (colon === null) continue;
    const value = evaluateText(map, start + colon[0].length, withoutComment(map.source, start + colon[0].length, end), scope);
    if (value.value !== null) scope.attributes.set(`${name}[${colon[2]}]`, value);
  }
}

/** `def __init__(self, lr: float = 1e-3, batch_size=32)`: defaults resolve `lr`, `self.hparams.lr`. */
function recordParameterDefaults(open: number, map: SourceMap, scope: Scope): void {
  for (const [start, end] of splitBracket(map.source, open).segments) {
    const param = /^([A-Za-z_]\w*)\s*(?::[^=]*)?=\s*/.exec(map.source.slice(start, Math.min(end, start + 120)));
    if (param?.[1] === undefined) continue;
    const value = evaluateText(map, start + param[0].length, withoutComment(map.source, start + param[0].length, end), scope);
    if (value.value !== null) scope.attributes.set(`param:${param[1]}`, value);
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

/** Reads calls, assignments and imports of one parsed file. `interesting` filters calls by name. */
export function readPythonSyntax(tree: Tree, source: string, interesting: (name: string) => boolean): PythonSyntax {
  const map = new SourceMap(source);
  const { reassigned, ambiguous } = reassignedNames(source);
  const located = locate(tree, source, interesting);
  const scope: Scope = { constants: new Map(), attributes: new Map(), parsedArgs: new Set(), reassigned, ambiguous };
  const builder = new CallBuilder(map, scope);
  const imports = [...source.matchAll(IMPORT_LINE)].map((m) => m[0].trim());
  const result: PythonSyntax = { calls: builder.calls, assignments: [], imports, syntaxErrors: syntaxErrors(tree), scope };
  const created = located.map((at) => (at.type === "call" ? builder.create(at) : null));
  located.forEach((at, index) => {
    const call = created[index];
    if (call) {
      builder.fill(call, at);
      recordArgparse(call, scope);
    } else if (at.type === "def") {
      recordParameterDefaults(at.open, map, scope);
    } else {
      const assignment = recordAssignment(at, map, scope);
      if (assignment !== null) result.assignments.push(assignment);
    }
  });
  return result;
}
