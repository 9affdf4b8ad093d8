import { describe, expect, test } from "@jest/globals";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import { healthyCases, symptomCases } from "../../../helpers/synth-curves.js";
import { normalizeFindings, readGolden, type GoldenFinding } from "./golden.js";

const SEEDS = [1, 2, 3];
const healthy = SEEDS.flatMap((seed) => healthyCases(seed));
const symptoms = SEEDS.flatMap((seed) => symptomCases(seed));

describe("detectFindings on seeded synthetic curves", () => {
  test.each(healthy.map((c) => [c.name, c] as const))("%s: a healthy run gets no warning or error", (_name, c) => {
    const loud = detectFindings(c.run).filter((f) => f.severity !== "info");
    expect(loud).toEqual([]);
  });

  test.each(symptoms.map((c) => [c.name, c] as const))("%s: the expected detector fires", (_name, c) => {
    const ids = new Set(detectFindings(c.run).map((f) => f.id));
    for (const id of c.expected) expect(ids).toContain(id);
  });

  test("findings match the golden file (ids, severity, rounded steps and confidence)", () => {
    const actual: Record<string, GoldenFinding[]> = {};
    for (const c of [...healthy, ...symptoms]) actual[c.name] = normalizeFindings(detectFindings(c.run));
    expect(actual).toEqual(readGolden("synthetic.json", actual));
  });

  test("severities follow the contract: error for NaN and explosions, warning for trends", () => {
    const byName = new Map(symptoms.map((c) => [c.name, detectFindings(c.run)]));
    expect(byName.get("nan-1")?.find((f) => f.id === "non-finite")?.severity).toBe("error");
    expect(byName.get("explode-1")?.find((f) => f.id === "divergence")?.evidence.explosive).toBe(true);
    expect(byName.get("explode-1")?.find((f) => f.id === "divergence")?.severity).toBe("error");
    expect(byName.get("trend-up-1")?.find((f) => f.id === "divergence")?.severity).toBe("warning");
    expect(byName.get("oscillation-1")?.find((f) => f.id === "oscillation")?.severity).toBe("warning");
    expect(byName.get("overfitting-1")?.find((f) => f.id === "overfitting")?.evidence.bestStep).toBeGreaterThanOrEqual(10);
  });
});
