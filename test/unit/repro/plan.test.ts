import { describe, expect, test } from "@jest/globals";
import type { Cause, Recommendation } from "../../../src/domain/finding.js";
import { ExperimentPlanSchema } from "../../../src/repro/plan/experiment.schema.js";
import { formatArmNumber } from "../../../src/repro/plan/interventions.js";
import { planExperiment } from "../../../src/repro/plan/plan-experiment.js";
import { applyModelChanges, resolveArm } from "../../../src/repro/plan/resolve-arm.js";
import { createRng, permutation } from "../../../src/repro/plan/rng.js";
import { SCENARIOS } from "../../../src/repro/plan/scenarios.js";
import { makeSyntheticDataset } from "../../../src/repro/plan/synthetic-data.js";
import { parseCsvDataset, parseNpy, splitDataset } from "../../../src/repro/plan/parse-dataset.js";
import { fixKeras3Topology } from "../../../src/repro/runner/build-model.js";

const cause = (id: string, score: number): Cause => ({ id, score, evidence: { for: [], against: [] } });
const rec = (parameter: string, proposed: string, causeId: string): Recommendation => ({
  id: `rec-${parameter}`, cause: causeId, parameter, current: null, proposed, why: "", expectedEffect: "", code: { keras: "", pytorch: "" },
});

describe("repro plan", () => {
  test("every scenario is a valid plan whose first arm is the baseline", () => {
    for (const input of Object.values(SCENARIOS)) {
      const plan = ExperimentPlanSchema.parse(input);
      expect(plan.arms[0]!.id).toBe("baseline");
      expect(plan.seeds).toEqual([1, 2, 3]);
    }
  });

  test("an arm's training changes override only what they name (no schema defaults leak in)", () => {
    const plan = ExperimentPlanSchema.parse(SCENARIOS["no-regularization"]);
    const arm = resolveArm(plan, plan.arms[1]!);
    expect(arm.training.epochs).toBe(plan.training.epochs);
    expect(arm.training.lr).toBe(plan.training.lr);
    expect(arm.training.l2).toBe(1e-2);
  });

  test("applyModelChanges inserts BatchNorm before the activation and dropout after hidden layers only", () => {
    const layers = applyModelChanges(
      [{ type: "dense", units: 8, activation: "sigmoid" }, { type: "dense", units: 3, activation: "softmax" }],
      { addBatchNorm: true, dropout: 0.5 },
    );
    expect(layers).toEqual([
      { type: "dense", units: 8, activation: "linear" },
      { type: "batchNormalization" },
      { type: "activation", activation: "sigmoid" },
      { type: "dropout", rate: 0.5 },
      { type: "dense", units: 3, activation: "softmax" },
    ]);
  });

  test("planExperiment turns ranked causes into named arms with the user's config as baseline", () => {
    const plan = planExperiment({
      causes: [cause("batch-too-small", 0.5), cause("lr-too-high", 0.9), cause("label-noise", 0.8), cause("bad-init", 0.1)],
      recommendations: [rec("lr", "0.001", "lr-too-high"), rec("batch_size", "64", "batch-too-small")],
      config: { optimizer: "Adam", lr: 0.5, batchSize: 4, epochs: 50 },
      findings: [],
    });
    expect(plan.arms.map((a) => a.id)).toEqual(["baseline", "lr-1e-3", "batch-64"]);
    expect(plan.training).toMatchObject({ optimizer: "adam", lr: 0.5, batchSize: 4, epochs: 10 });
    expect(plan.arms[1]).toMatchObject({ cause: "lr-too-high", metric: "final-loss", changes: { training: { lr: 0.001 } } });
    expect(plan.arms[2]).toMatchObject({ cause: "batch-too-small", metric: "step-noise" });
    expect(plan.source.assumptions).toEqual([]);
  });

  test("planExperiment assumes the top cause's anti-pattern when the config is silent, and says so", () => {
    const plan = planExperiment({ causes: [cause("unnormalized-inputs", 0.8)], recommendations: [], config: {}, findings: [] });
    expect(plan.data).toMatchObject({ kind: "synthetic", scale: "raw-0-255" });
    expect(plan.arms.map((a) => a.id)).toEqual(["baseline", "normalize-inputs"]);
    expect(plan.source.assumptions.join(" ")).toContain("raw 0..255");
  });

  test("planExperiment plans a small CNN for image input shapes and caps the interventions", () => {
    const causes = ["lr-too-high", "missing-batchnorm", "no-lr-schedule", "bad-init", "optimizer-choice"].map((id, i) => cause(id, 0.9 - i * 0.1));
    const plan = planExperiment({ causes, recommendations: [], config: { optimizer: "sgd", lr: 0.1 }, findings: [] }, { inputShape: [8, 8, 1], numClasses: 10 });
    expect(plan.model.kind === "layers" && plan.model.layers[0]!.type).toBe("conv2d");
    expect(plan.arms.map((a) => a.id)).toEqual(["baseline", "lr-1e-2", "add-batchnorm", "reduce-lr-on-plateau"]);
  });

  test("formatArmNumber gives short id-safe numbers", () => {
    expect([1e-3, 0.01, 3e-4, 32, 1, 0.5].map(formatArmNumber)).toEqual(["1e-3", "1e-2", "3e-4", "32", "1", "5e-1"]);
  });

  test("rng and synthetic data are deterministic per seed and differ across seeds", () => {
    expect(Array.from(permutation(5, createRng(7)))).toEqual(Array.from(permutation(5, createRng(7))));
    const options = { inputShape: [4], numClasses: 3, trainSize: 12, valSize: 6, scale: "raw-0-255" as const, noise: 1, labelNoise: 0 };
    const a = makeSyntheticDataset(options, 1);
    expect(makeSyntheticDataset(options, 1)).toEqual(a);
    expect(makeSyntheticDataset(options, 2).xTrain).not.toEqual(a.xTrain);
    expect(Math.max(...a.xTrain)).toBeGreaterThan(100);
    expect(a.xTrain.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
  });

  test("CSV and NPY datasets parse and split; bad input gives an actionable error", () => {
    const { x, y } = parseCsvDataset("a,b,label\n1,2,0\n3,4,1\n5,6,1\n7,8,0\n", "label");
    expect(x.shape).toEqual([4, 2]);
    const split = splitDataset(x, y, 0.25);
    expect(Array.from(split.yTrain)).toEqual([0, 1, 1]);
    expect(Array.from(split.xVal)).toEqual([7, 8]);
    expect(() => parseCsvDataset("a,b\n1,2\n", "label")).toThrow("column 'label' not found");
    const header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
    const padded = header.padEnd(117, " ") + "\n"; // 10 + 118 bytes: the header ends on a 64-byte boundary
    const bytes = new Uint8Array(10 + padded.length + 16);
    bytes.set([0x93, ...Array.from("NUMPY", (c) => c.charCodeAt(0)), 1, 0, padded.length & 0xff, padded.length >> 8]);
    bytes.set(Array.from(padded, (c) => c.charCodeAt(0)), 10);
    new Float32Array(bytes.buffer, 10 + padded.length, 4).set([1, 2, 3, 4]);
    expect(parseNpy(bytes)).toEqual({ shape: [2, 2], values: Float32Array.from([1, 2, 3, 4]) });
  });

  test("fixKeras3Topology renames batch_shape recursively", () => {
    expect(fixKeras3Topology({ config: { layers: [{ config: { batch_shape: [null, 4] } }] } })).toEqual({ config: { layers: [{ config: { batch_input_shape: [null, 4] } }] } });
  });
});
