import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CAUSE_IDS } from "../../../../src/diagnose/causes/registry.js";
import { RECOMMENDATION_IDS } from "../../../../src/diagnose/recommendations/registry.js";

describe("docs/diagnostics/causes.md", () => {
  test("has a section for every cause id and every recommendation id", () => {
    const doc = readFileSync(resolve(process.cwd(), "docs/diagnostics/causes.md"), "utf8");
    const headings = new Set([...doc.matchAll(/^### ([a-z0-9-]+)$/gm)].map((m) => m[1]));
    for (const id of [...CAUSE_IDS, ...RECOMMENDATION_IDS]) expect([id, headings.has(id)]).toEqual([id, true]);
  });
});
