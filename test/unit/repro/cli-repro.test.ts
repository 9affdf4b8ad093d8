import { describe, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../../src/cli/io.js";
import { runCli } from "../../../src/cli/run-cli.js";
import { parseReproResult } from "../../../src/repro/analysis/result.schema.js";

/** tfjs training under a loaded 2-core machine can take tens of seconds; jest's default is 5 s. */
const TFJS_TIMEOUT_MS = 180_000;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SHARED = resolve(repoRoot, "../shared");
const describeIfShared = existsSync(SHARED)
  ? describe
  : (name: string, _fn: () => void) => describe(name, () => test("skipped: ../shared is absent", () => expect(existsSync(SHARED)).toBe(false)));

/** tfjs-node-gpu is an optionalDependency that cannot install here; where it can, the check below does not apply. */
const gpuBackendInstalled = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve("@tensorflow/tfjs-node-gpu");
    return true;
  } catch {
    return false;
  }
})();

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cwd, isTty: false, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

const tinyPlan = {
  name: "cli-tiny",
  model: { kind: "layers", inputShape: [8], layers: [{ type: "dense", units: 16, activation: "relu" }, { type: "dense", units: 3, activation: "softmax" }] },
  data: { kind: "synthetic", inputShape: [8], numClasses: 3, trainSize: 48, valSize: 24 },
  training: { optimizer: "adam", lr: 1.0, batchSize: 16, epochs: 4 },
  arms: [
    { id: "baseline", description: "lr 1.0" },
    { id: "lr-1e-3", description: "lr 1e-3", cause: "lr-too-high", changes: { training: { lr: 1e-3 } } },
  ],
};

describe("loss-doctor repro run", () => {
  test("repro run plan.json --backend cpu --out result.json writes interventions and prints a summary", async () => {
    const dir = await mkdtemp(join(tmpdir(), "repro-cli-"));
    await writeFile(join(dir, "plan.json"), JSON.stringify(tinyPlan));
    const io = captureIo(dir);
    expect(await runCli(["repro", "run", "plan.json", "--backend", "cpu", "--out", "result.json"], io)).toBe(0);
    const text = await readFile(join(dir, "result.json"), "utf8");
    expect(parseReproResult(text)).toMatchObject({ issues: [] });
    expect(parseReproResult(text.replace('"version": 1', '"version": 2')).issues[0]).toMatchObject({ code: "repro-result-invalid", severity: "error" });
    expect(parseReproResult("{").issues[0]!.message).toContain("not JSON");
    const result = JSON.parse(text) as { backend: string; interventions: Record<string, unknown>[]; runs: unknown[] };
    expect(result.backend).toBe("cpu");
    expect(result.runs).toHaveLength(6);
    expect(result.interventions[0]).toMatchObject({ id: "lr-1e-3", verdict: "confirmed" });
    expect(Object.keys(result.interventions[0]!)).toEqual(expect.arrayContaining(["id", "verdict", "pValue", "effect"]));
    const summary = io.out.join("");
    expect(summary).toContain('Repro experiment "cli-tiny": 2 arms × 3 seeds on cpu');
    expect(summary).toContain("✔ lr-1e-3");
  }, TFJS_TIMEOUT_MS);

  test("usage errors: unknown backend, invalid plan, unknown subcommand", async () => {
    const dir = await mkdtemp(join(tmpdir(), "repro-cli-"));
    await writeFile(join(dir, "bad.json"), JSON.stringify({ ...tinyPlan, arms: [] }));
    const io = captureIo(dir);
    expect(await runCli(["repro", "run", "bad.json", "--backend", "gpu"], io)).toBe(2);
    expect(await runCli(["repro", "run", "bad.json"], io)).toBe(2);
    expect(await runCli(["repro", "frobnicate"], io)).toBe(2);
    await writeFile(join(dir, "plan.json"), JSON.stringify(tinyPlan));
    if (!gpuBackendInstalled) expect(await runCli(["repro", "run", "plan.json", "--backend", "tfjs-node-gpu"], io)).toBe(2);
    const err = io.err.join("");
    expect(err).toContain("--backend must be one of auto, cpu, wasm, tfjs-node, tfjs-node-gpu");
    expect(err).toContain("invalid plan");
    expect(err).toContain("arms");
    expect(err).toContain("unknown subcommand 'frobnicate'");
    if (!gpuBackendInstalled) expect(err).toMatch(/backend tfjs-node-gpu is not available: .*tfjs-node-gpu.*\. Install it with `npm i @tensorflow\/tfjs-node-gpu@4\.22\.0`/);
  }, TFJS_TIMEOUT_MS);
});

describeIfShared("loss-doctor repro plan (torch-runs fixtures)", () => {
  test("repro plan <log> --hparam ... plans the lower-lr fix for a diverging Adam run", async () => {
    const log = resolve(SHARED, "fixtures/torch-runs/runs/lr_too_high_adam/seed10/metrics.csv");
    const dir = await mkdtemp(join(tmpdir(), "repro-cli-"));
    const io = captureIo(dir);
    const code = await runCli(["repro", "plan", log, "--hparam", "optimizer=adam", "--hparam", "lr=1.0", "--hparam", "batch_size=32", "--out", "plan.json"], io);
    expect(code).toBe(0);
    const plan = JSON.parse(await readFile(join(dir, "plan.json"), "utf8")) as { training: Record<string, unknown>; arms: { id: string }[]; source: { causes: string[]; assumptions: string[] } };
    expect(plan.training).toMatchObject({ optimizer: "adam", lr: 1, batchSize: 32 });
    expect(plan.source.causes[0]).toBe("lr-too-high");
    expect(plan.arms.map((a) => a.id).slice(0, 2)).toEqual(["baseline", "lr-1e-3"]);
    expect(plan.source.assumptions).toEqual([]);
    expect(io.err.join("")).toContain("Planned");
  }, TFJS_TIMEOUT_MS);
});
