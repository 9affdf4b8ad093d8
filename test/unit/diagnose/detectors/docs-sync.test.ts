import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DETECTOR_IDS } from "../../../../src/diagnose/detect.js";
import { DETECTOR_DEFAULTS } from "../../../../src/diagnose/detector-options.js";
import { REPO_ROOT } from "../../../helpers/load-torch-run.js";

const doc = readFileSync(join(REPO_ROOT, "docs/diagnostics/detectors.md"), "utf8");

describe("docs/diagnostics/detectors.md", () => {
  test.each(DETECTOR_IDS.map((id) => [id]))("has a section for %s listing every threshold", (id) => {
    const start = doc.indexOf(`## \`${id}\``);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = doc.indexOf("\n## ", start + 1);
    const section = doc.slice(start, end === -1 ? undefined : end);
    const defaults: Record<string, number> = (DETECTOR_DEFAULTS as Record<string, Record<string, number>>)[id] ?? {};
    for (const [name, value] of Object.entries(defaults)) {
      expect(section).toMatch(new RegExp(`\\| \`${name}\` \\| ${String(value).replace(".", "\\.")}[ |(]`));
    }
  });

  test("documents every preparation option", () => {
    for (const name of Object.keys(DETECTOR_DEFAULTS.prepare)) expect(doc).toContain(`\`${name}\``);
  });
});
