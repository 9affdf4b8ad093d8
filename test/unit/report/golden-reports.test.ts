import { describe, expect, test } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv } from "ajv";
import { normalizeHparams } from "../../../src/diagnose/config/normalize-hparams.js";
import { diagnoseIngested } from "../../../src/diagnose/diagnose.js";
import type { HparamValue } from "../../../src/domain/run.js";
import type { TrainingConfig } from "../../../src/domain/training-config.js";
import { ingestPaths } from "../../../src/ingest/read-paths.js";
import { renderMarkdownReport } from "../../../src/report/render-markdown.js";
import { toDiagnoseJson } from "../../../src/report/render-json.js";
import { renderTextReport } from "../../../src/report/render-text.js";
import { golden, REPO_ROOT, roundNumbers } from "./golden-helper.js";

const SHARED = resolve(REPO_ROOT, "../shared");
const describeIfShared = existsSync(SHARED)
  ? describe
  : (name: string, _fn: () => void) => describe(name, () => test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false)));

const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema/diagnose.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

async function report(path: string, config: TrainingConfig): Promise<{ json: unknown; markdown: string }> {
  const diagnosed = diagnoseIngested(await ingestPaths([path]), { config });
  return { json: roundNumbers(toDiagnoseJson(diagnosed)), markdown: renderMarkdownReport(diagnosed) };
}

function check(name: string, out: { json: unknown; markdown: string }): void {
  const valid = validate(out.json);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  const text = `${JSON.stringify(out.json, null, 2)}\n`;
  expect(text).toBe(golden(`${name}.json`, text));
  expect(out.markdown).toBe(golden(`${name}.md`, out.markdown));
}

describe("golden reports over examples/", () => {
  const labels = JSON.parse(readFileSync(join(REPO_ROOT, "examples/labels.json"), "utf8")) as { path: string; causes: string[]; hparams: Record<string, HparamValue> }[];
  for (const example of labels) {
    const dir = example.path.split("/")[0] ?? example.path;
    test(`diagnose(examples/${example.path}) matches its golden JSON and markdown`, async () => {
      const out = await report(join("examples", example.path), normalizeHparams(example.hparams));
      check(`examples/${dir}`, out);
      const firstCause = (out.json as { runs: { causes: { id: string }[] }[] }).runs[0]?.causes[0]?.id;
      if (example.causes.length > 0) expect(example.causes).toContain(firstCause);
      else expect(firstCause).toBeUndefined();
    });
  }
});

describeIfShared("golden reports over ../shared/fixtures/torch-runs (seed 10, with config)", () => {
  const TORCH = join(SHARED, "fixtures/torch-runs");
  const manifest = existsSync(TORCH)
    ? readFileSync(join(TORCH, "manifest.jsonl"), "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as { path: string; scenario: string; seed: number; config: Record<string, unknown> })
    : [];
  for (const entry of manifest.filter((m) => m.seed === 10)) {
    test(`diagnose(${entry.scenario}) matches its golden JSON and markdown`, async () => {
      const hparams: Record<string, HparamValue> = {};
      for (const [k, v] of Object.entries(entry.config)) if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") hparams[k] = v;
      delete hparams["dataset"];
      check(`torch-runs/${entry.scenario}`, await report(join("../shared/fixtures/torch-runs", entry.path), normalizeHparams(hparams)));
    });
  }
});

describeIfShared("reports over ../shared/fixtures/real-logs", () => {
  test("every real log diagnoses without throwing into schema-valid JSON, markdown and text", async () => {
    const diagnosed = diagnoseIngested(await ingestPaths(["../shared/fixtures/real-logs"]));
    expect(diagnosed.runs.length).toBeGreaterThan(20);
    const json = toDiagnoseJson(diagnosed);
    expect(validate(json)).toBe(true);
    expect(renderMarkdownReport(diagnosed).length).toBeLessThanOrEqual(60_000);
    expect(renderTextReport(diagnosed)).toContain("━━ ../shared/fixtures/real-logs/");
    for (const run of json.runs) {
      for (const c of run.causes) expect(c.evidence.for.join(" ")).not.toMatch(/NaN×|Inf×/);
      expect(["healthy", "warning", "error", "no-data"]).toContain(run.status);
    }
  });
});
