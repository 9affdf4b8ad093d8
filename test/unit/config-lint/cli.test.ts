import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run-cli.js";
import { REPO_ROOT } from "./helpers.js";

function memoryIo(cwd = REPO_ROOT): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTty: false };
}

const BROKEN = "test/fixtures/configs/broken/keras-cnn-adam-lr-1-broken.py";
const HEALTHY = "test/fixtures/configs/healthy";

describe("loss-doctor lint", () => {
  test("lint <broken file> prints located findings and exits 1 (default --fail-on error)", async () => {
    const io = memoryIo();
    expect(await runCli(["lint", BROKEN], io)).toBe(1);
    const text = io.out.join("");
    expect(text).toContain(`${BROKEN}:7:17  error  lr-out-of-range  Adam learning rate 1.0 is at or above 0.1`);
    expect(text).toContain("fix: Set the learning rate to 1e-3. (line 7: → 1e-3)");
  });

  test("lint <healthy dir> walks the directory and exits 0", async () => {
    const io = memoryIo();
    expect(await runCli(["lint", HEALTHY], io)).toBe(0);
    expect(io.out.join("")).toContain("No findings in 10 file(s).");
  });

  test("--format json lists findings {id, severity, file, line, message, fix}", async () => {
    const io = memoryIo();
    await runCli(["lint", BROKEN, "--format", "json", "--fail-on", "never"], io);
    const json = JSON.parse(io.out.join("")) as { findings: Record<string, unknown>[]; summary: { error: number } };
    expect(json.summary.error).toBe(2);
    expect(Object.keys(json.findings[0]!)).toEqual(expect.arrayContaining(["id", "severity", "file", "line", "message", "fix"]));
  });

  test("--format sarif prints a SARIF 2.1.0 log", async () => {
    const io = memoryIo();
    await runCli(["lint", BROKEN, "--format", "sarif"], io);
    expect((JSON.parse(io.out.join("")) as { version: string }).version).toBe("2.1.0");
  });

  test("--fail-on warning fails on warnings only findings; never always exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lint-cli-"));
    writeFileSync(join(dir, "conf.yaml"), "optimizer: adam\nlr: 0.05\n");
    expect(await runCli(["lint", "conf.yaml"], memoryIo(dir))).toBe(0);
    expect(await runCli(["lint", "conf.yaml", "--fail-on", "warning"], memoryIo(dir))).toBe(1);
    expect(await runCli(["lint", BROKEN, "--fail-on", "never"], memoryIo())).toBe(0);
  });

  test.each([
    [["lint"], "expected at least one path"],
    [["lint", BROKEN, "--format", "xml"], "--format must be text, json or sarif"],
    [["lint", BROKEN, "--fail-on", "sometimes"], "--fail-on must be"],
    [["lint", BROKEN, "--disable", "nope"], "unknown rule id 'nope'"],
    [["lint", BROKEN, "--bogus"], "Unknown option"],
    [["lint", "does/not/exist.py"], "cannot read 'does/not/exist.py'"],
  ])("usage error %j exits 2 with a clear message", async (argv, message) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err.join("")).toContain(message);
  });

  test("--disable turns a rule off", async () => {
    const io = memoryIo();
    await runCli(["lint", BROKEN, "--format", "json", "--disable", "lr-out-of-range"], io);
    const json = JSON.parse(io.out.join("")) as { findings: { id: string }[] };
    expect(json.findings.map((f) => f.id)).not.toContain("lr-out-of-range");
  });
});
