import type { DiagnoseReport, RunDiagnosis } from "../diagnose/diagnose.js";
import type { Finding, Recommendation } from "../domain/finding.js";
import type { Issue } from "../domain/issue.js";
import type { HparamValue } from "../domain/run.js";
import type { Severity } from "../domain/severity.js";
import { reportSeries, seriesSummary } from "./format.js";
import { causeTitle, verdictOf, type RunStatus } from "./verdict.js";

/** Version of the JSON document (schema/diagnose.schema.json); bumped on breaking changes. */
export const DIAGNOSE_JSON_VERSION = 1;

/** A JSON number, or a string for NaN/±Infinity (which JSON cannot carry). */
export type JsonNumber = number | "NaN" | "Infinity" | "-Infinity";
export type JsonEvidence = JsonNumber | string | boolean | null;

export interface DiagnoseJsonSeries { tag: string; role: string; direction: string; stepUnit: string; points: number; first: JsonNumber; last: JsonNumber; min: JsonNumber | null; max: JsonNumber | null }
export interface DiagnoseJsonFinding { id: string; severity: Severity; confidence: number; series: string; fromStep: number; toStep: number; evidence: Record<string, JsonEvidence>; message: string }
export interface DiagnoseJsonCause { id: string; title: string; score: number; evidence: { for: string[]; against: string[] } }
export interface DiagnoseJsonRun {
  name: string;
  source: string;
  format: string;
  framework: string;
  files: string[];
  status: RunStatus;
  verdict: string;
  config: Record<string, HparamValue | Record<string, HparamValue>>;
  series: DiagnoseJsonSeries[];
  findings: DiagnoseJsonFinding[];
  causes: DiagnoseJsonCause[];
  recommendations: Recommendation[];
}
export interface DiagnoseJson { version: number; runs: DiagnoseJsonRun[]; issues: Issue[] }

/** Series listed in the JSON per run. */
const MAX_SERIES = 50;

/** NaN/±Infinity → strings; finite numbers unchanged. */
export function jsonNumber(value: number): JsonNumber {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return value;
}

function findingJson(f: Finding): DiagnoseJsonFinding {
  const evidence: Record<string, JsonEvidence> = {};
  for (const [k, v] of Object.entries(f.evidence)) evidence[k] = typeof v === "number" ? jsonNumber(v) : v;
  return { id: f.id, severity: f.severity, confidence: f.confidence, series: f.series, fromStep: f.fromStep, toStep: f.toStep, evidence, message: f.message };
}

function runJson(d: RunDiagnosis): DiagnoseJsonRun {
  const verdict = verdictOf(d);
  return {
    name: d.run.name,
    source: d.run.source.path,
    format: d.run.source.format,
    framework: d.run.framework,
    files: [...d.run.source.files],
    status: verdict.status,
    verdict: verdict.headline,
    config: { ...d.config } as DiagnoseJsonRun["config"],
    series: reportSeries(d.run, MAX_SERIES).map((s) => {
      const sum = seriesSummary(s);
      return {
        tag: s.tag, role: s.role, direction: s.direction, stepUnit: s.stepUnit, points: sum.points,
        first: jsonNumber(sum.first), last: jsonNumber(sum.last),
        min: Number.isFinite(sum.min) ? sum.min : null, max: Number.isFinite(sum.max) ? sum.max : null,
      };
    }),
    findings: d.findings.map(findingJson),
    causes: d.causes.map((c) => ({ id: c.id, title: causeTitle(c.id), score: c.score, evidence: { for: [...c.evidence.for], against: [...c.evidence.against] } })),
    recommendations: d.recommendations.map((r) => ({ ...r, code: { ...r.code } })),
  };
}

/** The stable, documented JSON form of a diagnosis (schema/diagnose.schema.json). */
export function toDiagnoseJson(report: DiagnoseReport): DiagnoseJson {
  return { version: DIAGNOSE_JSON_VERSION, runs: report.runs.map(runJson), issues: report.issues.map((i) => ({ ...i })) };
}
