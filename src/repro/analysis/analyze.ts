import type { Finding } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import { detectFindings } from "../../diagnose/detect.js";
import type { Arm, ExperimentPlan } from "../plan/experiment.schema.js";
import type { ArmRun } from "../types.js";
import { METRIC_LABELS, reproMessages } from "./messages.js";
import { measureRun, median, metricValue, type RunMetrics } from "./metrics.js";
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from "./options.js";
import { fisherExactGreater } from "./stats/fisher.js";
import { hedgesG, welchTTestGreater } from "./stats/welch.js";
import { measuredSymptoms, METRIC_SYMPTOMS, runSymptoms } from "./symptoms.js";
import { toTrainingRun } from "./run-to-training-run.js";

export type Verdict = "confirmed" | "not-confirmed" | "inconclusive";

/** One run after diagnosis. */
export interface AnalyzedRun {
  arm: string;
  seed: number;
  status: ArmRun["status"];
  metrics: RunMetrics;
  symptoms: string[];
  findings: Finding[];
}

/** Per arm, across seeds. */
export interface ArmSummary {
  id: string;
  description: string;
  runs: number;
  completed: number;
  /** Fraction of runs showing any of the plan's symptoms (or the arm metric's symptoms). */
  symptomRate: number;
  /** How many runs showed each symptom id. */
  symptoms: Record<string, number>;
  medianFinalLoss: number;
  medianFinalValLoss: number;
  medianBestValLoss: number;
  /** Median step-to-step |Δ ln loss|: lower is more stable. */
  medianStepNoise: number;
}

/** The test of one intervention against the baseline. */
export interface InterventionResult {
  id: string;
  cause: string | null;
  verdict: Verdict;
  /** One-sided Welch t-test p-value (H1: the intervention lowers the metric). */
  pValue: number;
  /** Hedges' g of the metric (baseline − intervention, log scale): > 0 means better. */
  effect: number;
  metric: Arm["metric"];
  /** exp(mean ln intervention − mean ln baseline): 0.1 = the metric is 10× smaller. */
  ratio: number;
  baselineSymptomRate: number;
  symptomRate: number;
  /** One-sided Fisher exact p-value that the baseline shows the symptom more often. */
  symptomPValue: number;
  reason: string;
}

export interface ExperimentAnalysis {
  baseline: string;
  arms: ArmSummary[];
  interventions: InterventionResult[];
  analyzedRuns: AnalyzedRun[];
}

export interface AnalyzeOptions extends Partial<AnalysisOptions> {
  /** The detectors (default: src/diagnose detectFindings). */
  detect?: (run: TrainingRun) => Finding[];
}

type Resolved = AnalysisOptions & { detect: (run: TrainingRun) => Finding[]; minRuns: number; chanceLoss: number | null };

/** Cross-entropy of a uniform guess, ln(classes), when the plan's data and loss say what it is. */
function chanceLossOf(plan: ExperimentPlan): number | null {
  if (plan.training.loss !== "categoricalCrossentropy" || plan.data.kind !== "synthetic") return null;
  return Math.log(plan.data.numClasses);
}

/** The symptoms an arm is judged on; the baseline is judged on every intervention's symptoms. */
function symptomSet(plan: ExperimentPlan, arm: Arm): Set<string> {
  const isBaseline = arm === plan.arms[0] && plan.arms.length > 1;
  const metrics = isBaseline ? plan.arms.slice(1).map((a) => a.metric) : [arm.metric];
  return new Set([...plan.symptoms, ...metrics.flatMap((m) => METRIC_SYMPTOMS[m])]);
}

function analyzeRun(run: ArmRun, o: Resolved): AnalyzedRun {
  const metrics = measureRun(run, o);
  if (run.loss.length === 0) return { arm: run.arm, seed: run.seed, status: run.status, metrics, findings: [], symptoms: [] };
  const findings = o.detect(toTrainingRun(run));
  return { arm: run.arm, seed: run.seed, status: run.status, metrics, findings, symptoms: runSymptoms(findings, measuredSymptoms(run, metrics, o.chanceLoss, o)) };
}

/** Runs that count: completed ones, and cut ones whose curve already shows a symptom. */
function usable(runs: readonly AnalyzedRun[]): AnalyzedRun[] {
  return runs.filter((r) => r.status === "completed" || (r.status !== "failed" && r.symptoms.length > 0));
}

function rateOf(runs: readonly AnalyzedRun[], symptoms: ReadonlySet<string>): { hits: number; rate: number } {
  const hits = runs.filter((r) => r.symptoms.some((s) => symptoms.has(s))).length;
  return { hits, rate: runs.length === 0 ? 0 : hits / runs.length };
}

function summarizeArm(arm: Arm, runs: readonly AnalyzedRun[], symptoms: ReadonlySet<string>): ArmSummary {
  const counts: Record<string, number> = {};
  for (const r of runs) for (const s of r.symptoms) counts[s] = (counts[s] ?? 0) + 1;
  const pick = (f: (m: RunMetrics) => number): number => median(runs.map((r) => f(r.metrics)).filter((v) => !Number.isNaN(v)));
  return {
    id: arm.id,
    description: arm.description,
    runs: runs.length,
    completed: runs.filter((r) => r.status === "completed").length,
    symptomRate: rateOf(runs, symptoms).rate,
    symptoms: counts,
    medianFinalLoss: pick((m) => m.finalLoss),
    medianFinalValLoss: pick((m) => m.finalValLoss),
    medianBestValLoss: pick((m) => m.bestValLoss),
    medianStepNoise: pick((m) => m.stepNoise),
  };
}

interface Decision {
  verdict: Verdict;
  reason: string;
}

function decide(arm: Arm, pValue: number, rates: { base: number; arm: number }, counts: { base: number; arm: number; needed: number }, plan: ExperimentPlan, o: Resolved): Decision {
  const label = METRIC_LABELS[arm.metric];
  if (counts.base < counts.needed || counts.arm < counts.needed) {
    const worst = counts.base < counts.arm ? { id: plan.arms[0]!.id, n: counts.base } : { id: arm.id, n: counts.arm };
    return { verdict: "inconclusive", reason: reproMessages.tooFewRuns(worst.id, worst.n, plan.seeds.length) };
  }
  if (rates.base === 0) return { verdict: "not-confirmed", reason: reproMessages.baselineHealthy(label) };
  if (pValue < plan.alpha && rates.arm <= rates.base) return { verdict: "confirmed", reason: reproMessages.confirmed(label, pValue, rates.base, rates.arm) };
  if (pValue < plan.alpha) return { verdict: "inconclusive", reason: reproMessages.symptomPersists(rates.base, rates.arm) };
  if (pValue < o.inconclusiveBelow) return { verdict: "inconclusive", reason: reproMessages.trend(label, pValue, plan.seeds.length) };
  return { verdict: "not-confirmed", reason: reproMessages.noImprovement(label, pValue) };
}

function compare(plan: ExperimentPlan, arm: Arm, base: readonly AnalyzedRun[], runs: readonly AnalyzedRun[], o: Resolved): InterventionResult {
  const symptoms = symptomSet(plan, arm);
  const b = usable(base);
  const a = usable(runs);
  const bv = b.map((r) => metricValue(r.metrics, arm.metric, o));
  const av = a.map((r) => metricValue(r.metrics, arm.metric, o));
  const test = welchTTestGreater(bv, av);
  const br = rateOf(b, symptoms);
  const ar = rateOf(a, symptoms);
  const mean = (xs: number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
  const decision = decide(arm, test.pValue, { base: br.rate, arm: ar.rate }, { base: b.length, arm: a.length, needed: o.minRuns }, plan, o);
  return {
    id: arm.id,
    cause: arm.cause ?? null,
    ...decision,
    pValue: test.pValue,
    effect: hedgesG(bv, av),
    metric: arm.metric,
    ratio: Math.exp(mean(av) - mean(bv)),
    baselineSymptomRate: br.rate,
    symptomRate: ar.rate,
    symptomPValue: fisherExactGreater(br.hits, b.length, ar.hits, a.length),
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Diagnoses every run with the project's detectors, summarises each arm across seeds, and tests
 * each intervention against the baseline (first arm):
 *
 *   verdict = inconclusive   if fewer than minRuns usable runs in either arm
 *           = not-confirmed  if the baseline never shows the symptom (healthy baseline)
 *           = confirmed      if Welch p < alpha on the arm's metric and the symptom rate did not rise
 *           = inconclusive   if p < inconclusiveBelow (a trend; more seeds may settle it)
 *           = not-confirmed  otherwise.
 * Pure and deterministic.
 */
export function analyzeExperiment(plan: ExperimentPlan, runs: ArmRun[], options: AnalyzeOptions = {}): ExperimentAnalysis {
  const numClasses = plan.data.kind === "synthetic" ? plan.data.numClasses : undefined;
  const defaults = { ...DEFAULT_ANALYSIS_OPTIONS, minRuns: Math.min(3, plan.seeds.length), chanceLoss: chanceLossOf(plan) };
  const detect = options.detect ?? ((run: TrainingRun) => detectFindings(run, numClasses === undefined ? {} : { numClasses }));
  const o: Resolved = { ...defaults, ...withoutUndefined(options), detect };
  const analyzed = runs.map((run) => analyzeRun(run, o));
  const byArm = (id: string): AnalyzedRun[] => analyzed.filter((r) => r.arm === id);
  const [baseline, ...interventions] = plan.arms;
  if (baseline === undefined) return { baseline: "", arms: [], interventions: [], analyzedRuns: analyzed };
  return {
    baseline: baseline.id,
    arms: plan.arms.map((arm) => summarizeArm(arm, byArm(arm.id), symptomSet(plan, arm))),
    interventions: interventions.map((arm) => compare(plan, arm, byArm(baseline.id), byArm(arm.id), o)),
    analyzedRuns: analyzed,
  };
}
