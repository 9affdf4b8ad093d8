import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, jest, test } from "@jest/globals";

jest.setTimeout(60_000);
import { runCli } from "../../../src/cli/run-cli.js";
import type { CliIo } from "../../../src/cli/io.js";
import { SHARED } from "./helpers/golden.js";
import { describeIfShared } from "./helpers/shared.js";
import { schemaErrors } from "./helpers/vl-schema.js";
import { decodePng, hasPngSignature } from "./helpers/png.js";

const work = mkdtempSync(join(tmpdir(), "loss-doctor-chart-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function capture(cwd = work): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, isTty: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

/** A Keras CSVLogger log whose validation loss turns up after epoch 10. */
function writeKerasCsv(): string {
  const lines = ["epoch,accuracy,loss,val_accuracy,val_loss"];
  for (let e = 0; e < 25; e++) {
    const loss = 2 / (1 + e);
    const val = 2.2 / (1 + Math.min(e, 10)) + Math.max(0, e - 10) * 0.05;
    lines.push(`${e},${(1 - loss / 3).toFixed(4)},${loss.toFixed(4)},${(1 - val / 3).toFixed(4)},${val.toFixed(4)}`);
  }
  const path = join(work, "training.log.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("loss-doctor chart", () => {
  test("writes one vega-lite file per chart that validates against the schema", async () => {
    const io = capture();
    const log = writeKerasCsv();
    const code = await runCli(["chart", log, "--out", "vl-out", "--format", "vl"], io);
    expect(io.err.join("")).toBe("");
    expect(code).toBe(0);
    const files = readdirSync(join(work, "vl-out")).sort();
    expect(files).toEqual(["training-log-loss.vl.json", "training-log-metric-accuracy.vl.json"]);
    for (const file of files) expect(schemaErrors(JSON.parse(readFileSync(join(work, "vl-out", file), "utf8")))).toEqual([]);
    expect(io.out.join("")).toContain("wrote 2 files:");
  });

  test("--format png --theme dark writes PNGs", async () => {
    const io = capture();
    const code = await runCli(["chart", writeKerasCsv(), "--out", "png-out", "--theme", "dark", "--width", "640"], io);
    expect(code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(work, "png-out", "training-log-loss.png")));
    expect(hasPngSignature(bytes)).toBe(true);
    expect(decodePng(bytes).width).toBe(640);
  });

  test("--format html writes one offline page per run", async () => {
    const io = capture();
    expect(await runCli(["chart", writeKerasCsv(), "--out", "html-out", "--format", "html"], io)).toBe(0);
    const html = readFileSync(join(work, "html-out", "training-log.html"), "utf8");
    expect(html).toContain("vegaEmbed");
    expect(html).toContain('"name":"zoom"');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  test.each([
    [["chart"], "no paths given"],
    [["chart", "does-not-exist.csv"], "path does not exist"],
    [["chart", ".", "--format", "gif"], "unknown --format 'gif'"],
    [["chart", ".", "--theme", "blue"], "unknown --theme 'blue'"],
    [["chart", ".", "--width", "abc"], "--width must be an integer"],
    [["chart", ".", "--bogus"], "Unknown option"],
  ])("usage error %j → exit 2", async (argv, message) => {
    const io = capture();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err.join("")).toContain(message);
  });

  test("a directory without logs → exit 2 with a clear message", async () => {
    const empty = mkdtempSync(join(work, "empty-"));
    const io = capture();
    expect(await runCli(["chart", empty, "--out", "none"], io)).toBe(2);
    expect(io.err.join("")).toContain("no training runs found");
  });
});

describeIfShared("loss-doctor chart on real logs", () => {
  test("a torch run directory (epoch metrics + per-step log) gives valid specs", async () => {
    const io = capture();
    const dir = resolve(SHARED, "fixtures/torch-runs/runs/nan_unstable_log_softmax/seed10");
    expect(await runCli(["chart", dir, "--out", "torch-out", "--format", "vl"], io)).toBe(0);
    const files = readdirSync(join(work, "torch-out"));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(schemaErrors(JSON.parse(readFileSync(join(work, "torch-out", file), "utf8")))).toEqual([]);
    const loss = readFileSync(join(work, "torch-out", files.find((f) => f.endsWith("-loss.vl.json"))!), "utf8");
    expect(loss).toMatch(/NaN at (step|epoch) \d+/);
  });
});
