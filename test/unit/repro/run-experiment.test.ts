import { describe, expect, test } from "@jest/globals";
import { ExperimentPlanSchema, type ExperimentPlanInput } from "../../../src/repro/plan/experiment.schema.js";
import { SCENARIOS } from "../../../src/repro/plan/scenarios.js";
import { runExperiment } from "../../../src/repro/runner/run-experiment.js";
import { tf } from "../../../src/repro/runner/tf.js";
import type { ProgressEvent } from "../../../src/repro/types.js";

/** tfjs training under a loaded 2-core machine can take tens of seconds; jest's default is 5 s. */
const TFJS_TIMEOUT_MS = 180_000;

const tiny: ExperimentPlanInput = {
  name: "tiny",
  model: {
    kind: "layers",
    inputShape: [6, 6, 1],
    layers: [
      { type: "conv2d", filters: 4, kernelSize: 3, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "flatten" },
      { type: "dense", units: 3, activation: "softmax" },
    ],
  },
  data: { kind: "synthetic", inputShape: [6, 6, 1], numClasses: 3, trainSize: 24, valSize: 12 },
  training: { optimizer: "adam", lr: 1e-2, batchSize: 8, epochs: 3 },
  arms: [
    { id: "baseline", description: "tiny CNN" },
    { id: "l2-dropout", description: "L2 + dropout + BN", metric: "final-val-loss", changes: { training: { l2: 1e-3 }, model: { dropout: 0.3, addBatchNorm: true } } },
  ],
  seeds: [1, 2],
};

describe("runExperiment(plan)", () => {
  test("is deterministic per seed, streams progress and does not grow tf.memory() across runs", async () => {
    const plan = ExperimentPlanSchema.parse(tiny);
    const events: ProgressEvent[] = [];
    const first = await runExperiment(plan, { backend: "cpu", onProgress: (e) => events.push(e) });
    const tensorsAfterFirst = tf.memory().numTensors;
    const second = await runExperiment(plan, { backend: "cpu" });
    expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
    expect(first.backend.backend).toBe("cpu");
    expect(first.runs.map((r) => r.status)).toEqual(["completed", "completed", "completed", "completed"]);
    expect(second.runs.map((r) => r.loss)).toEqual(first.runs.map((r) => r.loss));
    expect(first.runs[0]!.loss).not.toEqual(first.runs[2]!.loss);
    expect(first.runs[0]!.stepLoss).toHaveLength(3 * 3);
    expect(events.filter((e) => e.type === "epoch")).toHaveLength(4 * 3);
    expect(events[0]).toEqual({ type: "run-start", arm: "baseline", seed: 1, index: 0, total: 4 });
    expect(events.at(-1)).toEqual({ type: "run-end", arm: "l2-dropout", seed: 2, index: 3, total: 4, status: "completed" });
  }, TFJS_TIMEOUT_MS);

  test("trains the Conv2D/BatchNorm/Dropout plan on wasm with the same curve shape as cpu", async () => {
    const plan = ExperimentPlanSchema.parse({ ...tiny, seeds: [1] });
    const cpu = await runExperiment(plan, { backend: "cpu" });
    const wasm = await runExperiment(plan, { backend: "wasm" });
    expect(wasm.backend.backend).toBe("wasm");
    wasm.runs.forEach((run, i) => run.loss.forEach((v, e) => expect(v).toBeCloseTo(cpu.runs[i]!.loss[e]!, 3)));
  }, TFJS_TIMEOUT_MS);

  test("stops at the time budget and on abort, and says so in the run status", async () => {
    const plan = ExperimentPlanSchema.parse({ ...tiny, budget: { timeMs: 1000 } });
    let clock = 0;
    const cut = await runExperiment(plan, { backend: "cpu", now: () => (clock += 150) });
    expect(cut.runs.some((r) => r.status === "time-budget")).toBe(true);
    expect(cut.runs.every((r) => r.loss.length < 3 || r.status === "completed")).toBe(true);
    const controller = new AbortController();
    controller.abort();
    const aborted = await runExperiment(plan, { backend: "cpu", signal: controller.signal });
    expect(aborted.runs.map((r) => r.status)).toEqual(["aborted", "aborted", "aborted", "aborted"]);
    expect(aborted.interventions[0]!.verdict).toBe("inconclusive");
  }, TFJS_TIMEOUT_MS);

  test("trains a Keras 3 model JSON (batch_shape input) deterministically and notes unsupported model changes", async () => {
    const dense = (name: string, units: number, activation: string) => ({
      class_name: "Dense",
      config: { name, units, activation, use_bias: true, kernel_initializer: { class_name: "GlorotUniform", config: { seed: null } }, bias_initializer: { class_name: "Zeros", config: {} } },
    });
    const topology = {
      class_name: "Sequential",
      config: { name: "seq", layers: [{ class_name: "InputLayer", config: { batch_shape: [null, 8], dtype: "float32", name: "input" } }, dense("d1", 8, "relu"), dense("d2", 3, "softmax")] },
      keras_version: "3.4.1",
    };
    const plan = ExperimentPlanSchema.parse({
      ...tiny,
      model: { kind: "keras-json", topology },
      data: { kind: "synthetic", inputShape: [8], numClasses: 3, trainSize: 24, valSize: 12 },
      arms: [{ id: "baseline", description: "keras json" }, { id: "add-batchnorm", description: "bn", changes: { model: { addBatchNorm: true } } }],
      seeds: [1],
    });
    const a = await runExperiment(plan, { backend: "cpu" });
    const b = await runExperiment(plan, { backend: "cpu" });
    expect(a.runs.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(b.runs[0]!.loss).toEqual(a.runs[0]!.loss);
    expect(a.notes).toEqual(["arm add-batchnorm: model changes need a layer-list model; the Keras JSON model was used unchanged"]);
  }, TFJS_TIMEOUT_MS);

  test("applies the lr schedule between epochs and stops at the memory budget", async () => {
    const mlp = { kind: "layers", inputShape: [6, 6, 1], layers: [{ type: "flatten" }, { type: "dense", units: 3, activation: "softmax" }] } as const;
    const scheduled = ExperimentPlanSchema.parse({ ...tiny, model: mlp, training: { ...tiny.training, schedule: { kind: "step", everyEpochs: 1, factor: 0.5 } }, arms: [tiny.arms[0]], seeds: [1] });
    const result = await runExperiment(scheduled, { backend: "cpu" });
    expect(result.runs[0]!.lr).toEqual([1e-2, 5e-3, 2.5e-3]);
    const starved = await runExperiment({ ...scheduled, budget: { timeMs: 60_000, memoryBytes: 1 } }, { backend: "cpu" });
    expect(starved.runs[0]!.status).toBe("memory-budget");
  }, TFJS_TIMEOUT_MS);

  test("reports a failed run (bad dataset path) without throwing", async () => {
    const plan = ExperimentPlanSchema.parse({ ...tiny, data: { kind: "csv", path: "does-not-exist.csv", labelColumn: "y" }, seeds: [1] });
    const result = await runExperiment(plan, { backend: "cpu", baseDir: "/nonexistent-dir" });
    expect(result.runs[0]).toMatchObject({ status: "failed" });
    expect(result.runs[0]!.error).toContain("does-not-exist.csv");
  }, TFJS_TIMEOUT_MS);
});

describe("seed anti-patterns reproduce in tfjs (end to end, 3 seeds, cpu)", () => {
  test("Adam lr 1.0 vs 1e-3: the lower learning rate is confirmed", async () => {
    const result = await runExperiment(ExperimentPlanSchema.parse(SCENARIOS["lr-too-high"]), { backend: "cpu" });
    const [fix] = result.interventions;
    expect(fix).toMatchObject({ id: "lr-1e-3", verdict: "confirmed", baselineSymptomRate: 1 });
    expect(fix!.pValue).toBeLessThan(0.05);
    expect(fix!.ratio).toBeLessThan(0.5);
  }, TFJS_TIMEOUT_MS);

  test("a healthy baseline yields no confirmed fix", async () => {
    const healthy = { ...SCENARIOS.healthy, arms: SCENARIOS.healthy.arms.slice(0, 2) };
    const result = await runExperiment(ExperimentPlanSchema.parse(healthy), { backend: "cpu" });
    expect(result.interventions.map((i) => i.verdict)).toEqual(["not-confirmed"]);
    expect(result.arms[0]!.symptomRate).toBe(0);
  }, TFJS_TIMEOUT_MS);
});
