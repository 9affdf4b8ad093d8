/**
 * `npm run bench:repro`: throughput per available tfjs backend (small CNN and MLP), wall time of the
 * standard 4-arm × 3-seed plan, and the seed anti-pattern acceptance runs with their verdicts.
 * Options: `--quick` skips the acceptance scenarios; `--backend cpu|wasm|auto` for the plan runs.
 */
import { cpus } from "node:os";
import { ExperimentPlanSchema } from "../src/repro/plan/experiment.schema.js";
import { planExperiment } from "../src/repro/plan/plan-experiment.js";
import { SCENARIOS } from "../src/repro/plan/scenarios.js";
import { runExperiment } from "../src/repro/runner/run-experiment.js";
import { BACKEND_ORDER, selectBackend, type BackendChoice, type BackendName } from "../src/repro/runner/select-backend.js";
import { tf } from "../src/repro/runner/tf.js";

const SAMPLES = 1024;
const BATCH = 32;
const TIMED_EPOCHS = 3;

function values(n: number, k: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => Math.sin(i * k) * 0.5 + 0.5);
}

function cnn(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [8, 8, 1], filters: 8, kernelSize: 3, activation: "relu" }), tf.layers.flatten(), tf.layers.dense({ units: 10, activation: "softmax" })] });
}

function mlp(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [64], units: 64, activation: "relu" }), tf.layers.dense({ units: 32, activation: "relu" }), tf.layers.dense({ units: 10, activation: "softmax" })] });
}

async function samplesPerSecond(build: () => tf.LayersModel, inputShape: number[]): Promise<number> {
  const model = build();
  model.compile({ optimizer: tf.train.adam(1e-3), loss: "categoricalCrossentropy" });
  const x = tf.tensor(values(SAMPLES * inputShape.reduce((a, b) => a * b), 0.37), [SAMPLES, ...inputShape]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from({ length: SAMPLES }, (_, i) => i % 10), "int32"), 10));
  await model.fit(x, y, { epochs: 1, batchSize: BATCH, verbose: 0 });
  const start = performance.now();
  await model.fit(x, y, { epochs: TIMED_EPOCHS, batchSize: BATCH, verbose: 0, yieldEvery: "never" });
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, y]);
  model.dispose();
  return (SAMPLES * TIMED_EPOCHS) / seconds;
}

async function throughput(): Promise<void> {
  console.log(`## Throughput (synthetic ${SAMPLES} samples, batch ${BATCH}, Adam, ${TIMED_EPOCHS} timed epochs after 1 warm-up)\n`);
  console.log("| backend | available | CNN Conv2D(8,3×3)+Dense10 on 8×8×1 | MLP 64→64→32→10 |\n|---|---|---|---|");
  for (const backend of BACKEND_ORDER) {
    try {
      await selectBackend(backend);
    } catch (error) {
      console.log(`| ${backend} | no: ${(error as Error).message.slice(0, 90)} | – | – |`);
      continue;
    }
    const c = await samplesPerSecond(cnn, [8, 8, 1]);
    const m = await samplesPerSecond(mlp, [64]);
    console.log(`| ${backend} | yes | ${Math.round(c).toLocaleString("en")} samples/s | ${Math.round(m).toLocaleString("en")} samples/s |`);
  }
}

/** The standard plan: a diverging Adam run whose top causes give 3 interventions (4 arms × 3 seeds). */
export function standardPlan(): ReturnType<typeof planExperiment> {
  const cause = (id: string, score: number) => ({ id, score, evidence: { for: [], against: [] } });
  return planExperiment(
    { causes: [cause("lr-too-high", 0.9), cause("missing-batchnorm", 0.6), cause("no-lr-schedule", 0.5)], recommendations: [], config: { optimizer: "adam", lr: 1.0, batchSize: 32, epochs: 10 }, findings: [] },
    { inputShape: [8, 8, 1], numClasses: 10, timeMs: 600_000 },
  );
}

async function standardPlanWallTime(backend: BackendChoice): Promise<void> {
  const plan = standardPlan();
  const result = await runExperiment(plan, { backend });
  console.log(`\n## Standard plan: ${plan.arms.length} arms × ${plan.seeds.length} seeds, small CNN on 8×8×1, ${plan.training.epochs} epochs, backend ${result.backend.backend}\n`);
  console.log(`wall time: ${(result.durationMs / 1000).toFixed(1)} s (goal ≤ 60 s)`);
  for (const i of result.interventions) console.log(`- ${i.id}: ${i.verdict} (p=${i.pValue.toPrecision(2)}, g=${i.effect.toPrecision(3)})`);
}

async function acceptance(backend: BackendChoice): Promise<void> {
  console.log(`\n## Seed anti-patterns (3 seeds each, backend ${backend})\n`);
  console.log("| scenario | arm | verdict | p | effect g | ratio | baseline symptom rate → arm | wall s |\n|---|---|---|---|---|---|---|---|");
  for (const [id, input] of Object.entries(SCENARIOS)) {
    const result = await runExperiment(ExperimentPlanSchema.parse(input), { backend });
    for (const i of result.interventions) {
      console.log(`| ${id} | ${i.id} | ${i.verdict} | ${i.pValue.toPrecision(2)} | ${i.effect.toPrecision(3)} | ${i.ratio.toPrecision(3)} | ${Math.round(i.baselineSymptomRate * 100)}% → ${Math.round(i.symptomRate * 100)}% | ${(result.durationMs / 1000).toFixed(1)} |`);
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const backendArg = args[args.indexOf("--backend") + 1];
  const backend = (args.includes("--backend") && backendArg !== undefined ? backendArg : "auto") as BackendChoice | BackendName;
  console.log(`# repro bench — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"}), tfjs ${tf.version.tfjs}\n`);
  await throughput();
  await standardPlanWallTime(backend);
  if (!args.includes("--quick")) await acceptance(backend);
}

await main();
