import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { LINT_RULES } from "../../../src/config-lint/rules/registry.js";
import { REPO_ROOT } from "./helpers.js";

const doc = readFileSync(resolve(REPO_ROOT, "docs/diagnostics/lint-rules.md"), "utf8");

function section(id: string): string {
  const start = doc.indexOf(`\n## ${id}\n`);
  const next = doc.indexOf("\n## ", start + 1);
  return start < 0 ? "" : doc.slice(start, next < 0 ? undefined : next);
}

describe("docs/diagnostics/lint-rules.md", () => {
  test.each(LINT_RULES.map((r) => [r.id, r] as const))("documents %s with every threshold and its default", (id, rule) => {
    const text = section(id);
    expect(text).not.toBe("");
    for (const [name, value] of Object.entries(rule.thresholds)) {
      const row = new RegExp(`\\| \`${name}\` \\| ([^|]+) \\|`).exec(text);
      expect(row).not.toBeNull();
      expect(Number(row?.[1])).toBe(value);
    }
    expect(text).toContain("**Fix.**");
  });
});
