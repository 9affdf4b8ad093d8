import type { HparamValue } from "../../domain/run.js";
import type { ValueRef } from "../model.js";
import { skipString } from "./scan.js";
import type { SourceMap } from "./source-map.js";

/** Names known so far in a file: `LR = 1e-3`, `config = {"lr": ...}`, argparse defaults. */
export interface Scope {
  constants: Map<string, ValueRef>;
  /** `config[lr]` dictionary entries, `argparse:<dest>` defaults and `param:<name>` parameter defaults. */
  attributes: Map<string, ValueRef>;
  /** Variables holding `parser.parse_args()`. */
  parsedArgs: Set<string>;
  /** Names assigned on several lines: constant only while every assignment agrees. */
  reassigned: Set<string>;
  /** Reassigned names whose assignments disagree (or are not literal): never resolved. */
  ambiguous: Set<string>;
}

type Token = { kind: "num"; value: number } | { kind: "str"; value: string } | { kind: "name"; value: string } | { kind: "op"; value: string };

const SPACE = /\s*/y;
const TOKEN = /\s*(?:(\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)([jJlL]?)|([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*)|(\*\*|\/\/|[-+*/()[\]])|(["']))/y;

export function parseNumber(text: string): number | null {
  const clean = text.replace(/_/g, "");
  const value = /^0[xob]/i.test(clean) ? Number(clean) : Number.parseFloat(clean);
  return Number.isFinite(value) ? value : null;
}

function unquote(literal: string): string | null {
  const prefix = /^[rRbBuU]*/.exec(literal)?.[0] ?? "";
  if (/[fF]/.test(prefix)) return null;
  const body = literal.slice(prefix.length);
  const quote = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body.slice(0, 1);
  if (!body.endsWith(quote) || body.length < quote.length * 2) return null;
  return body.slice(quote.length, body.length - quote.length);
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  for (;;) {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    at = SPACE.lastIndex;
    if (at >= text.length) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (m === null) return null;
    if (m[1] !== undefined) {
      if (/[jJ]/.test(m[2] ?? "")) return null;
      const value = parseNumber(m[1]);
      if (value === null) return null;
      tokens.push({ kind: "num", value });
      at = TOKEN.lastIndex;
    } else if (m[3] !== undefined) {
      const word = m[3].replace(/\s+/g, "");
      const quoteAt = TOKEN.lastIndex;
      if (/^[rRbBuU]{1,2}$/.test(word) && (text[quoteAt] === '"' || text[quoteAt] === "'")) {
        const end = skipString(text, quoteAt);
        const value = unquote(text.slice(quoteAt - word.length, end));
        if (value === null) return null;
        tokens.push({ kind: "str", value });
        at = end;
      } else {
        tokens.push({ kind: "name", value: word });
        at = TOKEN.lastIndex;
      }
    } else if (m[4] !== undefined) {
      tokens.push({ kind: "op", value: m[4] });
      at = TOKEN.lastIndex;
    } else {
      const start = TOKEN.lastIndex - 1;
      const end = skipString(text, start);
      const value = unquote(text.slice(start, end));
      if (value === null) return null;
      tokens.push({ kind: "str", value });
      at = end;
    }
  }
  return tokens;
}

const BINARY: Readonly<Record<string, { precedence: number; apply: (a: number, b: number) => number }>> = {
  "+": { precedence: 1, apply: (a, b) => a + b },
  "-": { precedence: 1, apply: (a, b) => a - b },
  "*": { precedence: 2, apply: (a, b) => a * b },
  "/": { precedence: 2, apply: (a, b) => a / b },
  "//": { precedence: 2, apply: (a, b) => Math.floor(a / b) },
  "**": { precedence: 3, apply: (a, b) => a ** b },
};

interface Evaluated {
  value: HparamValue | null;
  /** A named value was involved (constant, argparse default, dict entry). */
  via?: string;
  /** The resolved constant's own ValueRef (for fixes that edit the definition). */
  source?: ValueRef;
}

/** Objects whose attributes mirror constructor/function parameters (`self.hparams.lr`, `self.lr`). */
const HPARAM_OBJECTS = /^(self|self\.hparams|hparams|self\.hp|self\.config|self\.cfg)$/;

/** Small Pratt parser over literal tokens; anything it does not understand yields null. */
class ExpressionReader {
  private at = 0;
  constructor(private readonly tokens: Token[], private readonly scope: Scope) {}

  read(): Evaluated | null {
    const result = this.expression(0);
    return result !== null && this.at === this.tokens.length ? result : null;
  }

  private expression(minPrecedence: number): Evaluated | null {
    let left = this.unary();
    for (let token = this.tokens[this.at]; left !== null && token?.kind === "op"; token = this.tokens[this.at]) {
      const op = BINARY[token.value];
      if (op === undefined || op.precedence < minPrecedence) break;
      this.at += 1;
      const right = this.expression(token.value === "**" ? op.precedence : op.precedence + 1);
      if (right === null || typeof left.value !== "number" || typeof right.value !== "number") return null;
      const value = op.apply(left.value, right.value);
      if (!Number.isFinite(value)) return null;
      left = { value, ...(left.via || right.via ? { via: left.via ?? right.via } : {}) };
    }
    return left;
  }

  private unary(): Evaluated | null {
    const token = this.tokens[this.at];
    if (token?.kind === "op" && (token.value === "-" || token.value === "+")) {
      this.at += 1;
      const inner = this.unary();
      if (inner === null || typeof inner.value !== "number") return null;
      return { ...inner, value: token.value === "-" ? -inner.value : inner.value, source: undefined };
    }
    return this.primary();
  }

  private primary(): Evaluated | null {
    const token = this.tokens[this.at];
    this.at += 1;
    if (token === undefined) return null;
    if (token.kind === "num" || token.kind === "str") return { value: token.value };
    if (token.kind === "op" && token.value === "(") {
      const inner = this.expression(0);
      if (this.tokens[this.at]?.value !== ")") return null;
      this.at += 1;
      return inner;
    }
    if (token.kind !== "name") return null;
    if (token.value === "True" || token.value === "False") return { value: token.value === "True" };
    return this.named(token.value);
  }

  private named(name: string): Evaluated | null {
    let key = name;
    let found: ValueRef | undefined;
    const open = this.tokens[this.at];
    if (open?.value === "[" && this.tokens[this.at + 1]?.kind === "str" && this.tokens[this.at + 2]?.value === "]") {
      key = `${name}[${String(this.tokens[this.at + 1]!.value)}]`;
      found = this.scope.attributes.get(key);
      this.at += 3;
    } else if (name.includes(".")) {
      const [object, attribute] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf(".") + 1)];
      if (this.scope.parsedArgs.has(object)) found = this.scope.attributes.get(`argparse:${attribute}`);
      else if (HPARAM_OBJECTS.test(object)) found = this.scope.attributes.get(`param:${attribute}`);
    } else {
      found = this.scope.constants.get(name) ?? this.scope.attributes.get(`param:${name}`);
    }
    return found === undefined ? null : { value: found.value, via: key, source: found };
  }
}

/** Longer argument texts are not constant expressions worth tokenising. */
const MAX_EXPRESSION_CHARS = 200;

/**
 * Evaluates the expression text [start, end) of the source: literals, constants, argparse defaults,
 * dict entries and arithmetic on them. A bare resolved name points its span at the definition so a
 * fix edits `LR = 1.0` rather than `learning_rate=LR`.
 */
export function evaluateText(map: SourceMap, start: number, end: number, scope: Scope): ValueRef {
  const text = map.source.slice(start, end);
  const span = map.span(start, end);
  // Calls, lambdas and comprehensions are never constant: skip tokenising them.
  const opaque = text.length > MAX_EXPRESSION_CHARS || /^[^(]*[A-Za-z_0-9\])]\s*\(|\blambda\b|\bfor\b/.test(text);
  const tokens = opaque ? null : tokenize(text);
  const result = tokens === null ? null : new ExpressionReader(tokens, scope).read();
  if (result === null) return { value: null, span, editable: false };
  if (result.source !== undefined && result.via !== undefined) return { ...result.source, value: result.value, via: result.via };
  return { value: result.value, span, editable: result.via === undefined, ...(result.via ? { via: result.via } : {}) };
}
