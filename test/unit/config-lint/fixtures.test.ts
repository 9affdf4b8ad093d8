import { describe, expect, test } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Issue } from "../../../src/domain/issue.js";
import { lintSources } from "../../../src/config-lint/lint.js";
import { LINT_RULE_IDS } from "../../../src/config-lint/rules/registry.js";
import { CONFIG_FIXTURES, LINT_GOLDEN, goldenView, readFixture } from "./helpers.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

function fixtures(group: string): string[] {
  return readdirSync(resolve(CONFIG_FIXTURES, group)).sort().map((name) => `${group}/${name}`);
}

async function lintFixture(relativePath: string): Promise<{ view: object; result: Awaited<ReturnType<typeof lintSources>> }> {
  const issues: Issue[] = [];
  const file = readFixture(relativePath, issues);
  const result = await lintSources([file]);
  result.issues.unshift(...issues);
  return { view: goldenView(result), result };
}

function compareGolden(relativePath: string, view: object): void {
  const goldenPath = resolve(LINT_GOLDEN, `${relativePath}.json`);
  if (UPDATE || !existsSync(goldenPath)) {
    if (!UPDATE) throw new Error(`missing golden ${goldenPath}: run with UPDATE_GOLDEN=1`);
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, `${JSON.stringify(view, null, 2)}\n`);
  }
  expect(view).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
}

describe("config-lint fixture corpus", () => {
  test.each(fixtures("healthy"))("lintSources(%s) raises no warning or error and matches its golden", async (path) => {
    const { view, result } = await lintFixture(path);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.facts.length).toBeGreaterThan(2);
    compareGolden(path, view);
  });

  test.each(fixtures("broken"))("lintSources(%s) reports at least one warning or error and matches its golden", async (path) => {
    const { view, result } = await lintFixture(path);
    expect(result.findings.some((f) => f.severity !== "info")).toBe(true);
    compareGolden(path, view);
  });

  /** Bad input: the issue codes each file must produce, and findings still extracted around the damage. */
  const BAD: Readonly<Record<string, { issues: string[]; findings: string[] }>> = {
    "bad/binary-weights.py": { issues: ["binary-file"], findings: [] },
    "bad/empty.yaml": { issues: [], findings: [] },
    "bad/json-trailing-comma.json": { issues: ["config-syntax-error"], findings: [] },
    "bad/latin1-comment.py": { issues: ["non-utf8-encoding"], findings: ["lr-out-of-range"] },
    "bad/notebook-no-cells.ipynb": { issues: ["notebook-invalid"], findings: [] },
    "bad/notebook-truncated.ipynb": { issues: ["notebook-invalid"], findings: [] },
    "bad/python-syntax-error.py": { issues: ["python-syntax-error"], findings: ["lr-out-of-range"] },
    "bad/toml-invalid.toml": { issues: ["config-syntax-error"], findings: [] },
    "bad/utf16-bom.py": { issues: [], findings: ["lr-out-of-range"] },
    "bad/utf8-bom-crlf.py": { issues: [], findings: ["lr-out-of-range"] },
    "bad/yaml-bad-indent.yaml": { issues: ["config-syntax-error"], findings: [] },
  };

  test("every bad-input fixture has an expectation", () => {
    expect(fixtures("bad")).toEqual(Object.keys(BAD).sort());
  });

  test.each(fixtures("bad"))("lintSources(%s) reports clear issues instead of crashing and matches its golden", async (path) => {
    const { view, result } = await lintFixture(path);
    const expected = BAD[path];
    expect(result.issues.map((i) => i.code)).toEqual(expected?.issues);
    expect(result.findings.map((f) => f.id)).toEqual(expected?.findings);
    compareGolden(path, view);
  });

  test("the broken corpus exercises every rule id", async () => {
    const seen = new Set<string>();
    for (const path of fixtures("broken")) {
      const { result } = await lintFixture(path);
      for (const finding of result.findings) seen.add(finding.id);
    }
    expect([...LINT_RULE_IDS].filter((id) => !seen.has(id))).toEqual([]);
  });
});
