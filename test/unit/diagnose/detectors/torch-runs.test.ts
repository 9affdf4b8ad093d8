import { describe, expect, test } from "@jest/globals";
import { existsSync } from "node:fs";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import { loadTorchRun, readTorchManifest, SHARED, torchRunsAvailable } from "../../../helpers/load-torch-run.js";
import { normalizeFindings, readGolden, type GoldenFinding } from "./golden.js";

const describeIfShared =
  existsSync(SHARED) && torchRunsAvailable()
    ? describe
    : (name: string, _fn: () => void): void =>
        describe(name, () => test("skipped: ../shared/fixtures/torch-runs is absent", () => expect(torchRunsAvailable()).toBe(false)));

describeIfShared("detectFindings on ../shared/fixtures/torch-runs", () => {
  const entries = torchRunsAvailable() ? readTorchManifest() : [];
  const results = entries.map((entry) => ({ entry, findings: detectFindings(loadTorchRun(entry, true)) }));

  test("findings match the golden file", () => {
    const actual: Record<string, GoldenFinding[]> = {};
    for (const { entry, findings } of results) actual[entry.path] = normalizeFindings(findings);
    expect(actual).toEqual(readGolden("torch-runs.json", actual));
  });

  test("runs labelled healthy get no warning or error", () => {
    const healthy = results.filter(({ entry }) => entry.expected_symptoms.join() === "healthy");
    expect(healthy.length).toBeGreaterThan(5);
    for (const { entry, findings } of healthy) {
      expect({ run: entry.path, loud: findings.filter((f) => f.severity !== "info").map((f) => f.id) }).toEqual({ run: entry.path, loud: [] });
    }
  });

  test("every NaN run gets a non-finite error", () => {
    const nanRuns = results.filter(({ entry }) => entry.expected_symptoms.includes("nan"));
    expect(nanRuns.length).toBe(6);
    for (const { findings } of nanRuns) expect(findings.some((f) => f.id === "non-finite" && f.severity === "error")).toBe(true);
  });

  test("blow-ups in the first epoch are explosive divergence; runs stuck at ln(10) are plateaus", () => {
    for (const scenario of ["lr_too_high_adam", "unnormalized_inputs"]) {
      for (const { findings } of results.filter(({ entry }) => entry.scenario === scenario)) {
        expect(findings.some((f) => f.id === "plateau")).toBe(true);
      }
    }
    const adam = results.filter(({ entry }) => entry.scenario === "lr_too_high_adam");
    for (const { findings } of adam) expect(findings.some((f) => f.id === "divergence" && f.evidence.explosive === true)).toBe(true);
  });

  test("label noise reads as overfitting with the onset at the best validation epoch", () => {
    for (const { findings } of results.filter(({ entry }) => entry.scenario === "label_noise")) {
      const overfit = findings.find((f) => f.id === "overfitting");
      expect(overfit?.severity).toBe("warning");
      expect(overfit?.evidence.bestStep).toBeLessThan(10);
      expect(overfit?.fromStep).toBe(overfit?.evidence.bestStep);
    }
  });
});
