import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv } from "ajv";
import type { CliIo } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run-cli.js";
import { LINT_RULE_IDS } from "../../../src/config-lint/rules/registry.js";
import { REPO_ROOT } from "./helpers.js";

const schema = JSON.parse(readFileSync(resolve(REPO_ROOT, "schema/lint.schema.json"), "utf8")) as {
  properties: { findings: { items: { properties: { id: { enum: string[] } } } } };
};
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

async function lintJson(paths: string[]): Promise<unknown> {
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: () => undefined, cwd: REPO_ROOT, isTty: false };
  await runCli(["lint", ...paths, "--format", "json"], io);
  return JSON.parse(out.join(""));
}

describe("schema/lint.schema.json", () => {
  test("lint --format json over the whole fixture corpus (healthy, broken, bad input) validates", async () => {
    const json = await lintJson(["test/fixtures/configs/healthy", "test/fixtures/configs/broken", "test/fixtures/configs/bad/python-syntax-error.py", "test/fixtures/configs/bad/binary-weights.py"]);
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test("the schema's rule id enum is exactly the registry", () => {
    expect(schema.properties.findings.items.properties.id.enum).toEqual([...LINT_RULE_IDS]);
  });
});
