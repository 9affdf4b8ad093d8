import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { CliIo } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run-cli.js";

const ROOT = process.cwd();

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ROOT, isTty: false };
}

async function diagnose(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(["diagnose", ...args], io);
  return { code, out: io.out.join(""), err: io.err.join("") };
}

describe("loss-doctor diagnose", () => {
  test("a healthy log exits 0 with a healthy verdict", async () => {
    const { code, out } = await diagnose("examples/healthy/metrics.csv");
    expect(code).toBe(0);
    expect(out).toContain("✔ HEALTHY");
  });

  test("the README quick start: examples/lr-too-high exits 1 and names the cause and the fix", async () => {
    const { code, out } = await diagnose("examples/lr-too-high/metrics.csv");
    expect(code).toBe(1);
    expect(out).toContain("✖ ERROR");
    expect(out).toContain("Learning rate too high [lr-too-high]");
    expect(out).toContain("Suggested fixes");
  });

  test("--fail-on never exits 0; --fail-on warning exits 1 on an overfitting warning; --fail-on error does not", async () => {
    expect((await diagnose("examples/lr-too-high/metrics.csv", "--fail-on", "never")).code).toBe(0);
    expect((await diagnose("examples/overfitting/metrics.csv", "--fail-on", "warning")).code).toBe(1);
    expect((await diagnose("examples/overfitting/metrics.csv")).code).toBe(0);
  });

  test("--hparam and --config feed the cause ranking and the computed fix", async () => {
    const viaHparam = await diagnose("examples/lr-too-high/metrics.csv", "--hparam", "optimizer=adam", "--hparam", "learning_rate=1", "--format", "json");
    const json = JSON.parse(viaHparam.out) as { runs: { config: { lr?: number }; causes: { id: string; evidence: { for: string[] } }[]; recommendations: { id: string; proposed: string }[] }[] };
    expect(json.runs[0]?.config.lr).toBe(1);
    expect(json.runs[0]?.causes[0]?.evidence.for).toContain("Adam lr=1 is 333× the usual upper end 0.003");
    expect(json.runs[0]?.recommendations[0]).toMatchObject({ id: "lower-lr", proposed: "0.001" });
    const viaConfig = await diagnose("examples/lr-too-high/metrics.csv", "--config", "test/fixtures/diagnose/adam-lr-1.yaml", "--format", "json");
    const fromFile = JSON.parse(viaConfig.out) as typeof json;
    expect(fromFile.runs[0]?.config).toMatchObject({ optimizer: "adam", lr: 1, batchSize: 32, epochs: 30 });
    expect(fromFile.runs[0]?.causes[0]).toEqual(json.runs[0]?.causes[0]);
    expect(fromFile.runs[0]?.recommendations[0]).toEqual(json.runs[0]?.recommendations[0]);
  });

  test("--format json validates against schema/diagnose.schema.json", async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema/diagnose.schema.json"), "utf8")) as object;
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
    for (const name of ["healthy", "lr-too-high", "overfitting"]) {
      const { out } = await diagnose(`examples/${name}/metrics.csv`, "--format", "json");
      expect(validate(JSON.parse(out))).toBe(true);
    }
  });

  test("--format markdown renders the PR-comment form", async () => {
    const { out } = await diagnose("examples/overfitting/metrics.csv", "--format", "markdown");
    expect(out).toContain("#### Likely causes");
    expect(out).toContain("<details open>");
  });

  test("usage errors exit 2 with a message: no path, missing file, bad format, bad fail-on, bad hparam, broken config, unknown flag", async () => {
    const cases: [string[], RegExp][] = [
      [[], /no input/],
      [["nope/missing.csv"], /cannot read 'nope\/missing.csv'/],
      [["examples/healthy/metrics.csv", "--format", "xml"], /--format must be one of text, json, markdown/],
      [["examples/healthy/metrics.csv", "--fail-on", "panic"], /--fail-on must be one of/],
      [["examples/healthy/metrics.csv", "--hparam", "lr"], /is not key=value/],
      [["examples/healthy/metrics.csv", "--config", "test/fixtures/diagnose/broken.yaml"], /cannot parse the config/],
      [["examples/healthy/metrics.csv", "--config", "test/fixtures/diagnose/absent.yaml"], /cannot read the config file/],
      [["examples/healthy/metrics.csv", "--bogus"], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await diagnose(...args);
      expect([args.join(" "), code]).toEqual([args.join(" "), 2]);
      expect(err).toMatch(message);
    }
  });

  test("--help prints the options and exits 0", async () => {
    const { code, out } = await diagnose("--help");
    expect(code).toBe(0);
    expect(out).toContain("--fail-on <level>");
  });
});
