/** Golden-file helpers for the detector tests (JSON under test/golden/detectors/, rewritten only with UPDATE_GOLDEN=1). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Finding } from "../../../../src/domain/finding.js";
import { REPO_ROOT } from "../../../helpers/load-torch-run.js";

export const GOLDEN_DIR = join(REPO_ROOT, "test/golden/detectors");

function roundSignificant(value: number, digits = 3): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}

/** A finding reduced to what must stay stable: ids, severity, rounded steps and confidence (0.05), evidence (3 digits). */
export interface GoldenFinding {
  id: string;
  severity: string;
  series: string;
  fromStep: number;
  toStep: number;
  confidence: number;
  evidence: Record<string, unknown>;
}

export function normalizeFindings(findings: Finding[]): GoldenFinding[] {
  return findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    series: f.series,
    fromStep: roundSignificant(f.fromStep),
    toStep: roundSignificant(f.toStep),
    confidence: Math.round(f.confidence * 20) / 20,
    evidence: Object.fromEntries(Object.entries(f.evidence).map(([k, v]) => [k, typeof v === "number" ? roundSignificant(v) : v])),
  }));
}

/** Reads the golden file `name`, writing `actual` first when UPDATE_GOLDEN=1 or the file is missing. */
export function readGolden<T>(name: string, actual: T): T {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  }
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
