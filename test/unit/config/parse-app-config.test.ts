import { describe, expect, test } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseAppConfig } from "../../../src/config/parse.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { renderAppConfigJsonSchema } from "../../../src/config/json-schema.js";
import { expectGolden, REPO_ROOT } from "../github/helpers/golden.js";

const FIXTURES = resolve(REPO_ROOT, "test/fixtures/app-configs");
const read = (dir: string, name: string): string => readFileSync(resolve(FIXTURES, dir, name), "utf8");

describe("parseAppConfig(valid fixtures)", () => {
  const names = readdirSync(resolve(FIXTURES, "valid")).sort();
  test("there are valid fixtures", () => expect(names.length).toBeGreaterThanOrEqual(4));
  test.each(names)("parseAppConfig(valid/%s) has no issues", (name) => {
    const parsed = parseAppConfig(read("valid", name));
    expect(parsed.issues).toEqual([]);
    expect(parsed.valid).toBe(true);
  });
});

describe("parseAppConfig(invalid fixtures)", () => {
  const names = readdirSync(resolve(FIXTURES, "invalid")).sort();
  test("invalid fixtures report located error issues and fall back to defaults (golden)", () => {
    const results = Object.fromEntries(names.map((name) => [name, parseAppConfig(read("invalid", name))]));
    for (const r of Object.values(results)) {
      expect(r.valid).toBe(false);
      expect(r.config).toEqual(DEFAULT_APP_CONFIG);
      expect(r.issues.length).toBeGreaterThan(0);
      expect(r.issues.every((i) => i.severity === "error")).toBe(true);
    }
    const issues = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.issues]));
    expectGolden("config/invalid-app-configs.json", `${JSON.stringify(issues, null, 2)}\n`);
  });
});

describe("parseAppConfig()", () => {
  test("parseAppConfig(null) and an empty file give the defaults", () => {
    expect(parseAppConfig(null)).toEqual({ config: DEFAULT_APP_CONFIG, issues: [], valid: true });
    expect(parseAppConfig("\n# nothing\n").config).toEqual(DEFAULT_APP_CONFIG);
  });

  test("parseAppConfig(full.yml) keeps user values and fills the rest with defaults", () => {
    const { config } = parseAppConfig(read("valid", "full.yml"));
    expect(config.logs.maxFiles).toBe(10);
    expect(config.logs.maxAttachmentBytes).toBe(DEFAULT_APP_CONFIG.logs.maxAttachmentBytes);
    expect(config.checks).toEqual({ failOnTraining: "warning", failOnConfig: "never" });
    expect(config.reproduction.runsOn).toEqual(["self-hosted", "linux", "gpu"]);
    expect(config.reproduction.workflow).toBe(DEFAULT_APP_CONFIG.reproduction.workflow);
    expect(config.configGate.thresholds).toEqual({ "lr-out-of-range": { adaptiveMaxLr: 0.003 } });
  });

  test("defaults fail checks on errors, comment sticky and offer reproduction on [self-hosted, gpu]", () => {
    expect(DEFAULT_APP_CONFIG.checks).toEqual({ failOnTraining: "error", failOnConfig: "error" });
    expect(DEFAULT_APP_CONFIG.comment.mode).toBe("sticky");
    expect(DEFAULT_APP_CONFIG.reproduction.runsOn).toEqual(["self-hosted", "gpu"]);
  });

  test("parseAppConfig(huge text) is refused with config-too-large", () => {
    const parsed = parseAppConfig(`# ${"x".repeat(70_000)}\n`);
    expect(parsed.issues.map((i) => i.code)).toEqual(["config-too-large"]);
  });
});

describe("schema/app-config.schema.json", () => {
  test("is up to date with the zod schema (run `npm run schema`)", () => {
    const committed = readFileSync(resolve(REPO_ROOT, "schema/app-config.schema.json"), "utf8");
    expect(committed).toBe(renderAppConfigJsonSchema());
  });

  test("every schema field has a JSDoc comment with a Default: line", () => {
    const source = readFileSync(resolve(REPO_ROOT, "src/config/schema.ts"), "utf8");
    const fields = [...source.matchAll(/^ {4}(\w+): (?:z\.|\w+Schema\.)/gm)].map((m) => m[1]);
    const documented = [...source.matchAll(/^ {4}\/\*\* .*Default: .*\*\/\n {4}(\w+): (?:z\.|\w+Schema\.)/gm)].map((m) => m[1]);
    expect(fields.length).toBeGreaterThan(20);
    expect(documented).toEqual(fields);
  });
});

describe("docs/configuration.md", () => {
  test("is up to date with the zod schema (run `npm run schema`)", async () => {
    const { renderConfigurationDocs } = await import("../../../src/config/render-docs.js");
    expect(readFileSync(resolve(REPO_ROOT, "docs/configuration.md"), "utf8")).toBe(renderConfigurationDocs());
  });
});
