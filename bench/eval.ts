/**
 * `npm run eval`: detector precision / recall / F1 against labelled curves.
 *
 * 1. ../shared/fixtures/torch-runs — real PyTorch runs with known causes. Each run is scored twice
 *    when it has a per-step log: "+steps" (main log + steps.csv) against `expected_symptoms`, and the
 *    main log alone against `epoch_level_symptoms`. Manifest symptom → detector id:
 *    nan → non-finite, diverging → divergence, oscillating → oscillation, spikes → spikes,
 *    plateau_stuck → plateau, slow_convergence → slow-convergence, overfitting → overfitting,
 *    val_below_train → val-below-train, noisy → noisy, healthy → (nothing).
 *    `metric-stuck` has no manifest label and is not scored on torch-runs; `epoch-sawtooth` is expected
 *    for the no_shuffle_sorted scenario with its steps.csv (the fixture README describes the sawtooth).
 * 2. Seeded synthetic cases (test/helpers/synth-curves.ts), seeds 1..5: healthy runs (noisy,
 *    LR-schedule drops, warm-up, 5 points, accuracy) and one case per symptom.
 *
 * Also counts warnings/errors on runs labelled only `healthy`: the target is 0.
 */
import { existsSync } from "node:fs";
import { detectFindings } from "../src/diagnose/detect.js";
import type { Finding } from "../src/domain/finding.js";
import { loadTorchRun, readTorchManifest, TORCH_RUNS } from "../test/helpers/load-torch-run.js";
import { healthyCases, symptomCases } from "../test/helpers/synth-curves.js";

export const SYMPTOM_TO_DETECTOR: Readonly<Record<string, string | null>> = {
  nan: "non-finite",
  diverging: "divergence",
  oscillating: "oscillation",
  spikes: "spikes",
  plateau_stuck: "plateau",
  slow_convergence: "slow-convergence",
  overfitting: "overfitting",
  val_below_train: "val-below-train",
  noisy: "noisy",
  healthy: null,
};

interface Scored {
  name: string;
  expected: Set<string>;
  found: Set<string>;
  findings: Finding[];
  healthy: boolean;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function torchCases(): Scored[] {
  if (!existsSync(TORCH_RUNS)) return [];
  const cases: Scored[] = [];
  for (const entry of readTorchManifest()) {
    const views = entry.steps_path === null ? [false] : [true, false];
    for (const withSteps of views) {
      const run = loadTorchRun(entry, withSteps);
      const labels = withSteps ? entry.expected_symptoms : entry.epoch_level_symptoms;
      // The manifest has no sawtooth label; its README states that no_shuffle_sorted shows a per-epoch
      // sawtooth in steps.csv, so that scenario expects `epoch-sawtooth` when the step log is read.
      const sawtooth = withSteps && entry.scenario === "no_shuffle_sorted" ? ["epoch-sawtooth"] : [];
      const findings = detectFindings(run);
      cases.push({
        name: `${run.name}${withSteps ? "+steps" : ""}`,
        expected: new Set([...labels.map((l) => SYMPTOM_TO_DETECTOR[l]).filter((id): id is string => typeof id === "string"), ...sawtooth]),
        found: new Set(findings.map((f) => f.id).filter((id) => id !== "metric-stuck")),
        findings,
        healthy: labels.length === 1 && labels[0] === "healthy",
      });
    }
  }
  return cases;
}

function synthCases(): Scored[] {
  const cases: Scored[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    for (const c of [...healthyCases(seed), ...symptomCases(seed)]) {
      const findings = detectFindings(c.run);
      cases.push({ name: c.name, expected: new Set(c.expected), found: new Set(findings.map((f) => f.id)), findings, healthy: c.healthy });
    }
  }
  return cases;
}

function score(cases: Scored[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  const get = (id: string): Counts => {
    const c = counts.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(id, c);
    return c;
  };
  for (const c of cases) {
    for (const id of c.expected) get(id)[c.found.has(id) ? "tp" : "fn"]++;
    for (const id of c.found) if (!c.expected.has(id)) get(id).fp++;
  }
  return counts;
}

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : "  - ");

function printTable(title: string, cases: Scored[]): void {
  const counts = score(cases);
  console.log(`\n${title} (${cases.length} cases)`);
  console.log("detector             tp  fp  fn  precision  recall  F1");
  let total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [id, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const p = c.tp / (c.tp + c.fp);
    const r = c.tp / (c.tp + c.fn);
    console.log(`${id.padEnd(20)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}  ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${pct((2 * p * r) / (p + r))}`);
    total = { tp: total.tp + c.tp, fp: total.fp + c.fp, fn: total.fn + c.fn };
  }
  const p = total.tp / (total.tp + total.fp);
  const r = total.tp / (total.tp + total.fn);
  console.log(`${"micro-average".padEnd(20)} ${String(total.tp).padStart(3)} ${String(total.fp).padStart(3)} ${String(total.fn).padStart(3)}  ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${pct((2 * p * r) / (p + r))}`);
  const loud = cases.filter((c) => c.healthy && c.findings.some((f) => f.severity !== "info"));
  console.log(`healthy runs with a warning or error: ${loud.length} of ${cases.filter((c) => c.healthy).length}`);
  for (const c of loud) console.log(`  ${c.name}: ${c.findings.filter((f) => f.severity !== "info").map((f) => `${f.id}(${f.series})`).join(", ")}`);
  if (process.argv.includes("--verbose")) {
    for (const c of cases) {
      const missed = [...c.expected].filter((id) => !c.found.has(id));
      const extra = [...c.found].filter((id) => !c.expected.has(id));
      if (missed.length + extra.length > 0) console.log(`  ${c.name}: missed [${missed.join(", ")}] extra [${extra.join(", ")}]`);
    }
  }
}

const torch = torchCases();
if (torch.length === 0) console.log("torch-runs: ../shared/fixtures/torch-runs is absent — skipped");
else printTable("torch-runs symptoms", torch);
printTable("synthetic symptoms", synthCases());
