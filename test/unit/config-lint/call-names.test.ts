import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { callNames } from "../../../src/config-lint/python/locate.js";

/** The regex the backward scan replaces (kept here as the reference definition). */
function regexCallNames(source: string): { name: string; index: number; open: number }[] {
  return [...source.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)].map((m) => ({ name: m[1] ?? "", index: m.index, open: m.index + m[0].length - 1 }));
}

const FIXTURES = "test/fixtures/configs";

function pythonFixtures(): string[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.(py|ipynb)$/.test(path))
    .map((path) => join(FIXTURES, path));
}

const EDGE_CASES = [
  "Adam(lr=1)",
  "opt = optim.Adam (model.parameters(), lr=0.1)",
  "x = 2Adam(1) + _private(2) + caf\u00e9(3) + \u00e9t\u00e9(4)",
  "f\n(\n)\t(  )((a)(b))",
  "name\u00a0(1) if x else y\u2028(2)",
  "(((",
  "a_1(b2(c3(",
  "",
];

describe("callNames", () => {
  test.each(EDGE_CASES)("matches the regex scan on %j", (source) => {
    expect(callNames(source)).toEqual(regexCallNames(source));
  });

  test("matches the regex scan on every Python and notebook fixture", () => {
    const files = pythonFixtures();
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, "latin1");
      expect({ file, names: callNames(source) }).toEqual({ file, names: regexCallNames(source) });
    }
  });
});
