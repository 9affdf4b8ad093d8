import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { strToU8, zipSync } from "fflate";
import { Ajv } from "ajv";
import { runCli } from "../../../src/cli/run-cli.js";
import type { CliIo } from "../../../src/cli/io.js";
import { REPO_ROOT } from "./support/fixtures.js";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd: REPO_ROOT, isTty: false };
  const code = await runCli(["inspect", ...argv], io);
  return { code, stdout, stderr };
}

const schema = JSON.parse(readFileSync(resolve(REPO_ROOT, "schema/inspect.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

describe("loss-doctor inspect", () => {
  test("text view: series table with roles, steps, min/max, NaN counts; hparams; issues", async () => {
    const result = await run(["test/fixtures/logs/keras-console/progress-cr-ansi.txt", "test/fixtures/logs/text/free-text.txt"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Run progress-cr-ansi  (keras-console, keras)");
    expect(result.stdout).toMatch(/val_loss\s+val-loss\s+5\s+0\s+4\s+0\.225\s+0\.9\s+1\s+0/);
    expect(result.stdout).toContain("hparams: epochs=5");
    expect(result.stdout).toContain("warning [no-metrics-found] test/fixtures/logs/text/free-text.txt");
  });

  test("--json validates against schema/inspect.schema.json and keeps paths relative", async () => {
    const result = await run(["--json", "test/fixtures/logs"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { runs: { source: { path: string } }[] };
    expect(validate(json)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(json.runs.length).toBeGreaterThan(10);
    for (const entry of json.runs) expect(entry.source.path.startsWith("test/fixtures/logs/")).toBe(true);
  });

  test("the schema rejects a document with a bad role", () => {
    expect(validate({ runs: [{ name: "x", source: { path: "p", format: "csv", files: [] }, framework: "unknown", hparams: {}, series: [{ tag: "t", role: "loss", direction: "lower", stepUnit: "step", points: 0, firstStep: null, lastStep: null, min: null, max: null, last: null, nanCount: 0, infCount: 0, hasWallTime: false }] }], issues: [] })).toBe(false);
  });

  test("--format forces a family: a CSV read as text finds no metrics (exit 0, issue)", async () => {
    const result = await run(["--format", "text", "--json", "test/fixtures/logs/csv/semicolon.csv"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { issues: { code: string }[] }).issues.map((issue) => issue.code)).toEqual(["no-metrics-found"]);
  });

  test.each([
    [[], "no paths given"],
    [["--bogus", "x"], "Unknown option"],
    [["does/not/exist.csv"], "path does not exist"],
    [["--format", "xml", "test/fixtures/logs"], "unknown --format"],
  ])("usage error %j exits 2", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  test("archive entries are shown as archive!entry, with the archive path relative to the working directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ld-inspect-"));
    try {
      writeFileSync(join(dir, "artifact.zip"), zipSync({ "logs/metrics.csv": strToU8("epoch,loss\n0,1\n1,0.5\n"), "../../evil.csv": strToU8("epoch,loss\n0,1\n") }));
      const result = await run([join(dir, "artifact.zip")]);
      expect(result.code).toBe(0);
      const shown = relative(REPO_ROOT, join(dir, "artifact.zip"));
      expect(result.stdout).toContain(`source: ${shown}!logs/metrics.csv`);
      expect(result.stdout).toContain(`warning [zip-unsafe-path] ${shown}!../../evil.csv`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("--help prints usage and exits 0", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: loss-doctor inspect");
  });
});
