import { describe, expect, test } from "@jest/globals";
import { functionScopes, scopeAt } from "../../../src/config-lint/python/function-scopes.js";

/** Reference definition: the last-starting `def` extent that contains the offset (linear scan). */
function linearScopeAt(source: string, index: number): string | null {
  let found: string | null = null;
  for (const scope of functionScopes(source).scopes) {
    if (scope.start > index) break;
    if (index < scope.end) found = scope.name;
  }
  return found;
}

const NESTED = [
  "import torch",
  "LR = 1e-3",
  "",
  "class Net(nn.Module):",
  "    def __init__(self, lr=0.1):",
  "        super().__init__()",
  "        def helper(x):",
  "            # comment at any depth",
  "            return Adam(x, lr=lr)",
  "        self.opt = helper(1)",
  "",
  "    async def forward(self, x):",
  "\t\treturn x",
  "",
  "def train():",
  "    opt = SGD(lr=0.1)",
  "",
  "opt = Adam(lr=LR)",
].join("\n");

const SOURCES: Record<string, string> = {
  nested: NESTED,
  crlf: NESTED.replace(/\n/g, "\r\n"),
  "lone CR": NESTED.replace(/\n/g, "\r"),
  "mixed CR and LF": NESTED.split("\n").map((line, i) => line + (i % 3 === 0 ? "\r" : "\n")).join(""),
  // A `def` after a lone CR is seen by the def scan but not by the line scan: extents overlap.
  "overlapping extents": "  def a():\rdef b():\n   x = 1\n  y = 2\nz = 3\n",
  "def in a docstring": 'def f():\n    """\ndef g():\n    """\n    return 1\nx = 2\n',
};

describe("function scopes", () => {
  test.each(Object.keys(SOURCES))("scopeAt agrees with the linear definition at every offset (%s)", (name) => {
    const source = SOURCES[name] ?? "";
    const scopes = functionScopes(source);
    const mismatches: number[] = [];
    for (let index = 0; index <= source.length; index++) {
      if (scopeAt(scopes, index) !== linearScopeAt(source, index)) mismatches.push(index);
    }
    expect(mismatches).toEqual([]);
  });

  test("names the innermost function around a position", () => {
    const scopes = functionScopes(NESTED);
    expect(scopeAt(scopes, NESTED.indexOf("Adam(x"))).toBe("helper");
    expect(scopeAt(scopes, NESTED.indexOf("self.opt"))).toBe("__init__");
    expect(scopeAt(scopes, NESTED.indexOf("return x"))).toBe("forward");
    expect(scopeAt(scopes, NESTED.indexOf("SGD("))).toBe("train");
    expect(scopeAt(scopes, NESTED.indexOf("LR = "))).toBeNull();
    expect(scopeAt(scopes, NESTED.indexOf("opt = Adam"))).toBeNull();
  });
});
