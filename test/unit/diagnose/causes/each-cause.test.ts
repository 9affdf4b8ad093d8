import { describe, expect, test } from "@jest/globals";
import { rankCauses } from "../../../../src/diagnose/causes/rank-causes.js";
import { CAUSE_IDS } from "../../../../src/diagnose/causes/registry.js";
import type { Finding } from "../../../../src/domain/finding.js";
import type { TrainingRun } from "../../../../src/domain/run.js";
import type { TrainingConfig } from "../../../../src/domain/training-config.js";
import { makeRun, makeSeries } from "../../../helpers/synth-curves.js";
import { explodeThenDeadRun, finding, nanRun, plainRun, stuckAtChanceRun } from "./fixtures.js";

interface Row {
  id: string;
  run: () => TrainingRun;
  findings: Finding[];
  /** Facts that make the cause likely... */
  pro: TrainingConfig;
  /** ...and facts that argue against it. */
  con: TrainingConfig;
}

const overfit = finding("overfitting", { bestStep: 5, bestValue: 0.3, finalValue: 0.9, valIncrease: 2, trainDecrease: 0.9 }, { series: "val_loss" });
const stall = [finding("slow-convergence", { improvementRatio: 0.2 }), finding("plateau", { atChance: false, level: 0.9, relativeImprovement: 0.02 })];
const bigLoss = (): TrainingRun => makeRun("big", [makeSeries("loss", Array.from({ length: 40 }, (_, i) => 3e4 - 100 * i))]);

const ROWS: Row[] = [
  { id: "lr-too-high", run: plainRun, findings: [finding("oscillation", { amplitudeRatio: 0.4, swings: 8 })], pro: { optimizer: "adam", lr: 0.5 }, con: { optimizer: "adam", lr: 1e-3 } },
  { id: "lr-too-low", run: plainRun, findings: stall, pro: { optimizer: "sgd", lr: 1e-5 }, con: { optimizer: "sgd", lr: 0.05, momentum: 0.9 } },
  { id: "batch-too-small", run: plainRun, findings: [finding("noisy", { noiseRatio: 0.4 })], pro: { batchSize: 2 }, con: { batchSize: 128 } },
  { id: "no-regularization", run: plainRun, findings: [overfit], pro: { dropout: 0, weightDecay: 0 }, con: { dropout: 0.5, weightDecay: 0.01, earlyStopping: true } },
  { id: "model-too-large", run: plainRun, findings: [overfit], pro: { trainSize: 300, extra: { model: "mlp1024x1024" } }, con: {} },
  { id: "too-little-data", run: plainRun, findings: [overfit], pro: { trainSize: 200 }, con: { trainSize: 1_000_000 } },
  { id: "unnormalized-inputs", run: () => explodeThenDeadRun(20), findings: [finding("plateau", { atChance: true })], pro: { normalizedInputs: false }, con: { normalizedInputs: true } },
  { id: "data-outliers", run: bigLoss, findings: [finding("spikes", { count: 9, maxScore: 40, largestStep: 3 })], pro: { loss: "mse" }, con: { loss: "huber" } },
  { id: "missing-batchnorm", run: plainRun, findings: stall, pro: { batchnorm: false, extra: { model: "mlp64x64x64x64x64x64x64" } }, con: { batchnorm: true } },
  { id: "bad-init", run: nanRun, findings: [finding("non-finite", { position: 0, kind: "nan" }, { severity: "error" })], pro: { extra: { initStd: 1 } }, con: {} },
  { id: "loss-mismatch", run: plainRun, findings: [finding("slow-convergence", { improvementRatio: 0.3 })], pro: { loss: "mse", numClasses: 10 }, con: { loss: "cross_entropy", numClasses: 10 } },
  { id: "label-noise", run: plainRun, findings: [overfit], pro: { extra: { labelNoise: 0.3 } }, con: {} },
  { id: "no-shuffle", run: plainRun, findings: [finding("val-below-train", { meanRelativeGap: 0.2, fraction: 0.9 }, { severity: "warning" })], pro: { shuffle: false }, con: { shuffle: true } },
  { id: "no-lr-schedule", run: plainRun, findings: stall, pro: { lrSchedule: false }, con: { lrSchedule: true } },
  { id: "data-mismatch", run: plainRun, findings: [finding("val-below-train", { meanRelativeGap: 0.3, fraction: 0.95 })], pro: {}, con: {} },
  { id: "optimizer-choice", run: plainRun, findings: stall, pro: { optimizer: "sgd", momentum: 0, lr: 0.01 }, con: { optimizer: "sgd", momentum: 0.9, lr: 0.01 } },
  { id: "vanishing-gradients", run: stuckAtChanceRun, findings: [finding("plateau", { atChance: true })], pro: { extra: { activation: "tanh", model: "mlp32x32x32x32x32x32x32x32" } }, con: { batchnorm: true, extra: { activation: "relu" } } },
  { id: "restart-without-state", run: plainRun, findings: [finding("loss-jump", { ratio: 2.2, lrRestartFrom: 2.75e-5, lrRestartTo: 3e-5 })], pro: {}, con: {} },
  { id: "exploding-gradients", run: nanRun, findings: [finding("non-finite", { position: 0.5, kind: "inf", lastFiniteValue: 3e9 }, { severity: "error" })], pro: { extra: { initStd: 2 } }, con: { extra: { gradClip: 1 } } },
];

function score(row: Row, config: TrainingConfig): number {
  return rankCauses(row.run(), config, row.findings, { minScore: 0 }).find((c) => c.id === row.id)?.score ?? 0;
}

describe("each cause scorer", () => {
  test("the table covers every cause id", () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual([...CAUSE_IDS].sort());
  });

  for (const row of ROWS) {
    test(`${row.id}: the symptom alone gives some score, supporting facts raise it, opposing facts lower it`, () => {
      const neutral = score(row, {});
      const pro = score(row, row.pro);
      const con = score(row, row.con);
      expect(neutral).toBeGreaterThan(0.05);
      if (Object.keys(row.pro).length > 0) expect(pro).toBeGreaterThan(neutral);
      else expect(pro).toBe(neutral);
      if (Object.keys(row.con).length > 0) expect(con).toBeLessThan(neutral);
      expect(rankCauses(row.run(), row.pro, row.findings).map((c) => c.id).slice(0, 3)).toContain(row.id);
    });
  }
});
