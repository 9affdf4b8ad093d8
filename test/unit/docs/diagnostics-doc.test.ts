import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDiagnosticsDoc, demoteHeadings, readDiagnosticsParts } from "../../../scripts/build-diagnostics-doc.js";
import { DETECTOR_IDS } from "../../../src/diagnose/detect.js";
import { CAUSE_IDS } from "../../../src/diagnose/causes/registry.js";
import { LINT_RULE_IDS } from "../../../src/config-lint/rules/registry.js";

const docsDir = join(process.cwd(), "docs");

describe("docs/diagnostics.md", () => {
  test("is up to date with docs/diagnostics/*.md (run `npm run docs`)", () => {
    const expected = buildDiagnosticsDoc(readDiagnosticsParts(docsDir));
    expect(readFileSync(join(docsDir, "diagnostics.md"), "utf8")).toBe(expected);
  });

  test("has a section for every detector, cause and lint rule id", () => {
    const doc = readFileSync(join(docsDir, "diagnostics.md"), "utf8");
    const headings = new Set(doc.split("\n").filter((l) => l.startsWith("#")).map((l) => l.replace(/^#+ /, "").replace(/`/g, "").trim()));
    for (const id of [...DETECTOR_IDS, ...CAUSE_IDS, ...LINT_RULE_IDS]) expect(headings).toContain(id);
  });

  test("demoteHeadings leaves code fences alone", () => {
    expect(demoteHeadings("# A\n```\n# comment\n```\n## B")).toBe("## A\n```\n# comment\n```\n### B");
  });
});
