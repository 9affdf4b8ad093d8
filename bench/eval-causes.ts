/**
 * Cause-ranking accuracy (`npm run eval`, cause half): top-1/top-3 accuracy of the true cause on
 * ../shared/fixtures/torch-runs (labels from its manifest, mapped to our cause ids below) and on our own
 * labelled examples (examples/labels.json). Two passes: with the run's configuration (as the torch-runs
 * README documents it) and from the curves alone. Healthy runs count as false alarms when they get any
 * warning/error finding. Usage: tsx bench/eval-causes.ts [--verbose]
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeHparams } from "../src/diagnose/config/normalize-hparams.js";
import { diagnoseRun, type RunDiagnosis } from "../src/diagnose/diagnose.js";
import type { HparamValue } from "../src/domain/run.js";
import type { TrainingConfig } from "../src/domain/training-config.js";
import { ingestPaths } from "../src/ingest/read-paths.js";
import type { TrainingRun } from "../src/domain/run.js";
import { loadTorchRun, type TorchRunEntry } from "../test/helpers/load-torch-run.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TORCH = resolve(repoRoot, "../shared/fixtures/torch-runs");
const verbose = process.argv.includes("--verbose");

/** Our cause ids for each torch-runs scenario (any of them counts as a hit; [] = healthy). */
export const SCENARIO_CAUSES: Readonly<Record<string, readonly string[]>> = {
  healthy_adam: [], healthy_sgd_schedule: [], healthy_regression: [], healthy_moons_adam: [], regularized_fix: [],
  lr_too_high_adam: ["lr-too-high"], lr_too_high_sgd: ["lr-too-high"], lr_too_low: ["lr-too-low"],
  batch_size_1: ["batch-too-small"], unnormalized_inputs: ["unnormalized-inputs"],
  overfitting_no_regularization: ["no-regularization", "too-little-data", "model-too-large"],
  deep_no_bn_sigmoid: ["vanishing-gradients"], exploding_init: ["bad-init", "exploding-gradients"],
  label_noise: ["label-noise"], wrong_loss_mse_softmax: ["loss-mismatch"], no_shuffle_sorted: ["no-shuffle"],
  regression_outliers: ["data-outliers"], nan_unstable_log_softmax: ["loss-mismatch"],
};

interface Case { name: string; path: string; causes: readonly string[]; config: TrainingConfig; entry?: TorchRunEntry }

/** torch-runs manifest config → raw hparams (nulls dropped; "(200 train)" in the dataset → train_size). */
export function torchConfig(raw: Record<string, unknown>): TrainingConfig {
  const hparams: Record<string, HparamValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") hparams[key] = value;
  }
  if (raw["scheduler"] === null) hparams["scheduler"] = "none";
  const trainSize = /\((\d+) train\)/.exec(String(raw["dataset"] ?? ""));
  if (trainSize?.[1] !== undefined) hparams["train_size"] = Number(trainSize[1]);
  if (raw["early_stopping_patience"] === null) hparams["early_stopping"] = false;
  const classes: Record<string, number> = { load_digits: 10, make_moons: 2 };
  for (const [name, count] of Object.entries(classes)) if (String(raw["dataset"] ?? "").includes(name) && raw["task"] !== "regression") hparams["num_classes"] = count;
  delete hparams["dataset"];
  return normalizeHparams(hparams);
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  if (existsSync(TORCH)) {
    for (const line of readFileSync(join(TORCH, "manifest.jsonl"), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const m = JSON.parse(line) as TorchRunEntry & { task: string };
      const causes = SCENARIO_CAUSES[m.scenario];
      if (causes === undefined) continue;
      cases.push({ name: `torch-runs/${m.scenario}/seed${m.seed}`, path: join(TORCH, m.path), causes, config: torchConfig({ ...m.config, task: m.task }), entry: m });
    }
  } else console.log("torch-runs: skipped (../shared/fixtures/torch-runs is absent)");
  const labels = join(repoRoot, "examples/labels.json");
  if (existsSync(labels)) {
    const own = JSON.parse(readFileSync(labels, "utf8")) as { path: string; causes: string[]; hparams: Record<string, HparamValue> }[];
    for (const c of own) cases.push({ name: `examples/${c.path}`, path: join(repoRoot, "examples", c.path), causes: c.causes, config: normalizeHparams(c.hparams) });
  }
  return cases;
}

interface Outcome { rank: number | null; falseAlarm: boolean; top: string[] }

function outcome(d: RunDiagnosis | undefined, causes: readonly string[]): Outcome {
  if (d === undefined) return { rank: null, falseAlarm: false, top: ["<no run>"] };
  const ids = d.causes.map((c) => c.id);
  const index = ids.findIndex((id) => causes.includes(id));
  const problem = d.findings.some((f) => f.severity !== "info");
  return { rank: index < 0 ? null : index + 1, falseAlarm: causes.length === 0 && problem, top: d.causes.slice(0, 3).map((c) => `${c.id}:${c.score}`) };
}

function pct(hits: number, total: number): string {
  return total === 0 ? "n/a" : `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;
}

async function main(): Promise<void> {
  const cases = loadCases();
  const tallies = { with: { top1: 0, top3: 0 }, without: { top1: 0, top3: 0 }, steps: { top1: 0, top3: 0, n: 0 }, stepsRaw: { top1: 0, top3: 0 }, sick: 0, healthy: 0, falseAlarms: 0, stepAlarms: 0, healthyWithCause: 0 };
  for (const c of cases) {
    const ingested = await ingestPaths([c.path]);
    const run = ingested.runs[0];
    const withCfg = outcome(run === undefined ? undefined : diagnoseRun(run, { config: c.config }), c.causes);
    const noCfg = outcome(run === undefined ? undefined : diagnoseRun(run), c.causes);
    if (c.causes.length === 0) {
      tallies.healthy++;
      if (withCfg.falseAlarm) tallies.falseAlarms++;
      if (withCfg.top.length > 0) tallies.healthyWithCause++;
    } else {
      tallies.sick++;
      if (withCfg.rank === 1) tallies.with.top1++;
      if (withCfg.rank !== null && withCfg.rank <= 3) tallies.with.top3++;
      if (noCfg.rank === 1) tallies.without.top1++;
      if (noCfg.rank !== null && noCfg.rank <= 3) tallies.without.top3++;
    }
    if (c.entry?.steps_path !== null && c.entry !== undefined) {
      const stepped: TrainingRun = loadTorchRun(c.entry, true);
      const s = outcome(diagnoseRun(stepped, { config: c.config }), c.causes);
      const sr = outcome(diagnoseRun(stepped), c.causes);
      if (c.causes.length === 0) tallies.stepAlarms += s.falseAlarm ? 1 : 0;
      else {
        tallies.steps.n++;
        if (s.rank === 1) tallies.steps.top1++;
        if (s.rank !== null && s.rank <= 3) tallies.steps.top3++;
        if (sr.rank === 1) tallies.stepsRaw.top1++;
        if (sr.rank !== null && sr.rank <= 3) tallies.stepsRaw.top3++;
      }
      if (verbose) console.log(`${c.name.padEnd(52)} +steps cfg ${s.rank ?? "-"} ${s.top.join(" ")} | raw ${sr.rank ?? "-"} ${sr.top.join(" ")}`);
    }
    const mark = (o: Outcome): string => (c.causes.length === 0 ? (o.falseAlarm ? "ALARM" : "ok") : o.rank === null ? "MISS" : `#${o.rank}`);
    if (verbose || mark(withCfg) === "MISS" || mark(withCfg) === "ALARM" || (withCfg.rank !== null && withCfg.rank > 3)) {
      console.log(`${c.name.padEnd(52)} cfg ${mark(withCfg).padEnd(5)} ${withCfg.top.join(" ")}`);
      console.log(`${"".padEnd(52)} raw ${mark(noCfg).padEnd(5)} ${noCfg.top.join(" ")}`);
    }
  }
  console.log("\nCause ranking (true cause = torch-runs manifest scenario, our labels for examples/)");
  console.log(`  with config:    top-1 ${pct(tallies.with.top1, tallies.sick)}   top-3 ${pct(tallies.with.top3, tallies.sick)}`);
  console.log(`  curves only:    top-1 ${pct(tallies.without.top1, tallies.sick)}   top-3 ${pct(tallies.without.top3, tallies.sick)}`);
  console.log(`  + steps.csv, with config: top-1 ${pct(tallies.steps.top1, tallies.steps.n)}   top-3 ${pct(tallies.steps.top3, tallies.steps.n)}`);
  console.log(`  + steps.csv, curves only: top-1 ${pct(tallies.stepsRaw.top1, tallies.steps.n)}   top-3 ${pct(tallies.stepsRaw.top3, tallies.steps.n)}`);
  console.log(`  healthy runs with a warning/error finding: ${tallies.falseAlarms}/${tallies.healthy} (main log), ${tallies.stepAlarms} with steps.csv`);
  console.log(`  healthy runs with any cause listed (with config): ${tallies.healthyWithCause}/${tallies.healthy}`);
}

await main();
