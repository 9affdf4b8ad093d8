import type { Finding } from "../../../../src/domain/finding.js";
import type { TrainingRun } from "../../../../src/domain/run.js";
import type { Series, SeriesRole, MetricDirection, StepUnit } from "../../../../src/domain/series.js";
import { mulberry32 } from "../../../../src/domain/random.js";

/** Deterministic pseudo-random numbers for synthetic curves. */
export const rng = mulberry32;


export function series(tag: string, role: SeriesRole, values: number[], opts: { direction?: MetricDirection; unit?: StepUnit; steps?: number[] } = {}): Series {
  const steps = opts.steps ?? values.map((_, i) => i);
  return {
    tag,
    role,
    direction: opts.direction ?? (role.endsWith("loss") ? "lower" : "unknown"),
    stepUnit: opts.unit ?? "step",
    steps: Float64Array.from(steps),
    values: Float64Array.from(values),
  };
}

/** A decaying loss curve with multiplicative noise: a·exp(−i/τ) + floor. */
export function decay(n: number, opts: { start?: number; floor?: number; tau?: number; noise?: number; seed?: number } = {}): number[] {
  const r = rng(opts.seed ?? 1);
  const { start = 2.3, floor = 0.05, tau = n / 5, noise = 0.05 } = opts;
  return Array.from({ length: n }, (_, i) => (start * Math.exp(-i / tau) + floor) * (1 + noise * (r() - 0.5) * 2));
}

export function run(name: string, list: Series[]): TrainingRun {
  return { name, source: { path: `${name}.csv`, format: "csv", files: [`${name}.csv`] }, framework: "unknown", series: list, hparams: {} };
}

export function finding(id: string, seriesTag: string, fromStep: number, toStep: number, evidence: Finding["evidence"] = {}, severity: Finding["severity"] = "warning"): Finding {
  return { id, severity, confidence: 0.9, series: seriesTag, fromStep, toStep, evidence, message: `${id} on ${seriesTag}` };
}
