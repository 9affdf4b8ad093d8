import { analyzeExperiment, type ExperimentAnalysis } from "../analysis/analyze.js";
import type { DataSpec, ExperimentPlan } from "../plan/experiment.schema.js";
import { resolveArm, type ResolvedArm } from "../plan/resolve-arm.js";
import type { Dataset } from "../plan/synthetic-data.js";
import type { ArmRun, ProgressEvent } from "../types.js";
import { loadDataset } from "./load-dataset.js";
import { selectBackend, type BackendChoice, type BackendSelection } from "./select-backend.js";
import { trainRun } from "./train-run.js";

export interface RunExperimentOptions {
  backend?: BackendChoice;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
  /** Clock in ms (default Date.now); injected by tests. */
  now?: () => number;
  /** Directory CSV/NPY dataset paths are relative to (default the process cwd). */
  baseDir?: string;
}

/** Everything an experiment produced: the plan, the backend, every run, and the analysis. */
export interface ExperimentResult extends ExperimentAnalysis {
  backend: BackendSelection;
  plan: ExperimentPlan;
  runs: ArmRun[];
  durationMs: number;
  notes: string[];
}

function dataKey(spec: DataSpec, seed: number): string {
  return `${seed}:${JSON.stringify(spec)}`;
}

/** Loads each (data spec, seed) once: arms that share data train on identical samples (paired). */
function datasetCache(baseDir: string): (spec: DataSpec, seed: number) => Promise<Dataset> {
  const cache = new Map<string, Promise<Dataset>>();
  return (spec, seed) => {
    const key = dataKey(spec, seed);
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = loadDataset(spec, seed, baseDir);
      cache.set(key, hit);
    }
    return hit;
  };
}

async function runOne(arm: ResolvedArm, seed: number, data: (spec: DataSpec, seed: number) => Promise<Dataset>, limits: Parameters<typeof trainRun>[3], onProgress: (e: ProgressEvent) => void): Promise<ArmRun> {
  try {
    return await trainRun(arm, await data(arm.data, seed), seed, limits, onProgress);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { arm: arm.id, seed, status: "failed", error: message, loss: [], valLoss: [], lr: [], stepLoss: [], samples: 0, durationMs: 0 };
  }
}

/**
 * Runs a plan: every arm × every seed, one at a time, on the fastest available backend.
 *
 * 1. select the backend (tfjs-node-gpu → tfjs-node → wasm → cpu, or the one asked for);
 * 2. resolve arms (baseline + changes), load data per seed;
 * 3. train each run within the time/memory budget and the abort signal, streaming progress;
 * 4. diagnose and compare the runs (analysis/analyze.ts).
 */
export async function runExperiment(plan: ExperimentPlan, options: RunExperimentOptions = {}): Promise<ExperimentResult> {
  const now = options.now ?? Date.now;
  const onProgress = options.onProgress ?? (() => undefined);
  const started = now();
  const backend = await selectBackend(options.backend ?? "auto");
  const arms = plan.arms.map((arm) => resolveArm(plan, arm));
  const data = datasetCache(options.baseDir ?? process.cwd());
  const limits = { deadline: started + plan.budget.timeMs, memoryBytes: plan.budget.memoryBytes, now, ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const runs: ArmRun[] = [];
  const total = arms.length * plan.seeds.length;
  for (const seed of plan.seeds) {
    for (const arm of arms) {
      const index = runs.length;
      onProgress({ type: "run-start", arm: arm.id, seed, index, total });
      const run = await runOne(arm, seed, data, limits, onProgress);
      runs.push(run);
      onProgress({ type: "run-end", arm: arm.id, seed, index, total, status: run.status });
    }
  }
  const analysis = analyzeExperiment(plan, runs);
  return { ...analysis, backend, plan, runs, durationMs: now() - started, notes: arms.flatMap((a) => a.notes) };
}
