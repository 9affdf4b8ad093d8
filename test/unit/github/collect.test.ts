import { describe, expect, test } from "@jest/globals";
import { pushChangedPaths } from "../../../src/github/collect/changed-files.js";
import { selectPaths } from "../../../src/github/collect/collect-files.js";
import { parseAppConfig } from "../../../src/config/parse.js";
import { DEFAULT_APP_CONFIG } from "../../../src/config/schema.js";
import { readReproResult } from "../../../src/github/handlers/repro.js";
import { UserFacingError } from "../../../src/github/errors.js";
import { zipSync } from "fflate";
import { analyzeLogs } from "../../../src/github/analyze/analyze-logs.js";
import { planExperiment } from "../../../src/repro/plan/plan-experiment.js";
import { divergingCsv } from "./helpers/logs.js";

describe("pushChangedPaths()", () => {
  test("keeps added and modified paths still present at the head, in payload order", () => {
    const commits = [
      { added: ["a.csv", "b.csv"], modified: [], removed: [] },
      { added: [], modified: ["a.csv"], removed: ["b.csv"] },
      { added: ["c.log"], modified: [], removed: [] },
    ];
    expect(pushChangedPaths(commits)).toEqual(["a.csv", "c.log"]);
  });
});

describe("selectPaths()", () => {
  test("splits changed paths into logs and configs by the default globs", () => {
    const out = selectPaths(["runs/x/metrics.csv", "train.py", "src/app.ts", "configs/exp.yaml"], DEFAULT_APP_CONFIG);
    expect(out).toEqual({ logs: ["runs/x/metrics.csv"], configs: ["train.py", "configs/exp.yaml"], skipped: [] });
  });

  test("caps the counts with a visible info issue, honours ignore globs and a disabled gate", () => {
    const { config } = parseAppConfig("logs:\n  maxFiles: 2\n  ignore: ['runs/old/**']\nconfigGate:\n  enabled: false\n");
    const paths = ["runs/old/metrics.csv", "runs/a/metrics.csv", "runs/b/metrics.csv", "runs/c/metrics.csv", "train.py"];
    const out = selectPaths(paths, config);
    expect(out.logs).toEqual(["runs/a/metrics.csv", "runs/b/metrics.csv"]);
    expect(out.configs).toEqual([]);
    expect(out.skipped).toEqual([{ code: "too-many-logs", severity: "info", message: "3 logs changed; only the first 2 were read (logs.maxFiles)." }]);
  });
});

describe("readReproResult()", () => {
  test("reads result.json from the artifact zip, and refuses junk with user-facing errors", () => {
    const { summary } = analyzeLogs([{ path: "m.csv", data: new TextEncoder().encode(divergingCsv()) }], DEFAULT_APP_CONFIG);
    const plan = planExperiment(summary.runs[0]!, { seeds: [1, 2, 3] });
    const result = { version: 1, backend: "cpu", skippedBackends: [], durationMs: 1, plan, arms: [], interventions: [], runs: [], notes: [] };
    expect(readReproResult(zipSync({ "out/result.json": new TextEncoder().encode(JSON.stringify(result)) }))).toEqual(result);
    expect(() => readReproResult(new Uint8Array([1, 2, 3]))).toThrow(UserFacingError);
    expect(() => readReproResult(zipSync({ "other.txt": new Uint8Array([1]) }))).toThrow(/holds no result.json/);
    expect(() => readReproResult(zipSync({ "result.json": new TextEncoder().encode("{\"a\":1}") }))).toThrow(/is not a Loss Doctor repro result/);
  });
});
