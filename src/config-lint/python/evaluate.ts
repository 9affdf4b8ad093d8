import type { Node } from "web-tree-sitter";
import type { HparamValue } from "../../domain/run.js";
import type { Span, ValueRef } from "../model.js";

/** Names known so far in a file: `LR = 1e-3`, `config = {"lr": ...}`, argparse defaults. */
export interface Scope {
  constants: Map<string, ValueRef>;
  /** `config[lr]` dictionary entries and `argparse:<dest>` defaults. */
  attributes: Map<string, ValueRef>;
  /** Variables holding `parser.parse_args()`. */
  parsedArgs: Set<string>;
}

function span(node: Node): Span {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
    text: node.text,
  };
}

function unknown(node: Node): ValueRef {
  return { value: null, span: span(node), editable: false };
}

function literal(node: Node, value: HparamValue | null): ValueRef {
  return { value, span: span(node), editable: value !== null };
}

export function parseNumber(text: string): number | null {
  const clean = text.replace(/_/g, "").replace(/[lL]$/, "");
  if (/[jJ]$/.test(clean)) return null;
  const value = /^0[xob]/i.test(clean) ? Number(clean) : Number.parseFloat(clean);
  return Number.isFinite(value) ? value : null;
}

function stringValue(node: Node): string | null {
  const start = node.firstChild?.text ?? "";
  if (/[fF]/.test(start)) return null;
  if (node.namedChildren.some((c) => c?.type === "interpolation")) return null;
  return node.namedChildren
    .filter((c): c is Node => c !== null && c.type === "string_content")
    .map((c) => c.text)
    .join("");
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "//": (a, b) => Math.floor(a / b),
  "**": (a, b) => a ** b,
};

function binary(node: Node, scope: Scope): ValueRef {
  const left = evaluateNode(node.childForFieldName("left")!, scope);
  const right = evaluateNode(node.childForFieldName("right")!, scope);
  const op = ARITHMETIC[node.childForFieldName("operator")?.text ?? ""];
  if (op === undefined || typeof left.value !== "number" || typeof right.value !== "number") return unknown(node);
  const value = op(left.value, right.value);
  if (!Number.isFinite(value)) return unknown(node);
  // Literal-only arithmetic (`1. / 255`) can be replaced as a whole; named parts cannot.
  const editable = left.via === undefined && right.via === undefined && left.editable && right.editable;
  return { value, span: span(node), editable };
}

function resolveName(key: string, node: Node, found: ValueRef | undefined): ValueRef {
  if (found === undefined) return unknown(node);
  return { ...found, via: key };
}

function attribute(node: Node, scope: Scope): ValueRef {
  const object = node.childForFieldName("object")?.text ?? "";
  const name = node.childForFieldName("attribute")?.text ?? "";
  if (!scope.parsedArgs.has(object)) return unknown(node);
  return resolveName(`${object}.${name}`, node, scope.attributes.get(`argparse:${name}`));
}

function subscript(node: Node, scope: Scope): ValueRef {
  const object = node.childForFieldName("value")?.text ?? "";
  const index = node.childForFieldName("subscript");
  const key = index === null ? null : evaluateNode(index, scope).value;
  if (typeof key !== "string") return unknown(node);
  return resolveName(`${object}[${key}]`, node, scope.attributes.get(`${object}[${key}]`));
}

/**
 * Evaluates literals and simple constant expressions. Never throws: anything else is `value: null`.
 * The span of a resolved name is the span of the literal it was defined with.
 */
export function evaluateNode(node: Node, scope: Scope): ValueRef {
  switch (node.type) {
    case "integer":
    case "float":
      return literal(node, parseNumber(node.text));
    case "string":
      return literal(node, stringValue(node));
    case "true":
    case "false":
      return literal(node, node.type === "true");
    case "unary_operator": {
      const inner = evaluateNode(node.childForFieldName("argument")!, scope);
      const op = node.childForFieldName("operator")?.text;
      if (typeof inner.value !== "number" || (op !== "-" && op !== "+")) return unknown(node);
      return { value: op === "-" ? -inner.value : inner.value, span: span(node), editable: inner.editable && inner.via === undefined };
    }
    case "binary_operator":
      return binary(node, scope);
    case "parenthesized_expression":
      return node.namedChildren.length === 1 && node.namedChildren[0] ? evaluateNode(node.namedChildren[0], scope) : unknown(node);
    case "identifier":
      return resolveName(node.text, node, scope.constants.get(node.text));
    case "attribute":
      return attribute(node, scope);
    case "subscript":
      return subscript(node, scope);
    default:
      return unknown(node);
  }
}
