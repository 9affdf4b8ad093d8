import { describe, expect, test } from "@jest/globals";
import { computeSignals } from "../../../../src/diagnose/causes/signals.js";
import { recommendFixes } from "../../../../src/diagnose/recommendations/recommend.js";
import { FIXES_BY_CAUSE, RECOMMENDATION_IDS } from "../../../../src/diagnose/recommendations/registry.js";
import type { Cause, Finding, Recommendation } from "../../../../src/domain/finding.js";
import type { TrainingRun } from "../../../../src/domain/run.js";
import type { TrainingConfig } from "../../../../src/domain/training-config.js";
import { finding, plainRun } from "../causes/fixtures.js";

function cause(id: string, score = 0.9): Cause {
  return { id, score, evidence: { for: ["test"], against: [] } };
}

function fixes(causeIds: string[], config: TrainingConfig = {}, findings: Finding[] = [], run: TrainingRun = plainRun()): Recommendation[] {
  return recommendFixes(run, config, findings, computeSignals(run, config, findings), causeIds.map((id) => cause(id)));
}

function fix(id: string, causeId: string, config: TrainingConfig = {}, findings: Finding[] = []): Recommendation {
  const found = fixes([causeId], config, findings).find((r) => r.id === id);
  if (found === undefined) throw new Error(`no ${id} for ${causeId}`);
  return found;
}

describe("recommendation values computed from the run", () => {
  test("lower-lr: Adam lr 1.0 → 1e-3, SGD lr → /10", () => {
    const adam = fix("lower-lr", "lr-too-high", { optimizer: "adam", lr: 1 });
    expect([adam.parameter, adam.current, adam.proposed]).toEqual(["lr", "1", "0.001"]);
    expect(adam.code.keras).toContain("keras.optimizers.Adam(learning_rate=0.001)");
    expect(adam.code.pytorch).toContain("torch.optim.Adam(model.parameters(), lr=0.001)");
    const sgd = fix("lower-lr", "lr-too-high", { optimizer: "sgd", lr: 0.5, momentum: 0.9 });
    expect(sgd.proposed).toBe("0.05");
    expect(sgd.code.pytorch).toContain("momentum=0.9");
  });

  test("raise-lr: SGD 1e-5 → 0.01, Adam 1e-6 → 1e-3", () => {
    expect(fix("raise-lr", "lr-too-low", { optimizer: "sgd", lr: 1e-5 }).proposed).toBe("0.01");
    expect(fix("raise-lr", "lr-too-low", { optimizer: "adam", lr: 1e-6 }).proposed).toBe("0.001");
  });

  test("increase-batch: 1 → 32, 64 → 256", () => {
    expect(fix("increase-batch", "batch-too-small", { batchSize: 1 }).proposed).toBe("32");
    expect(fix("increase-batch", "batch-too-small", { batchSize: 64 }).proposed).toBe("256");
    expect(fix("increase-batch", "batch-too-small", { batchSize: 1 }).code.pytorch).toContain("batch_size=32");
  });

  test("reduce-lr-on-plateau: factor 0.5, patience from the run length (30 epochs → 3), min_lr = lr / 100", () => {
    const r = fix("reduce-lr-on-plateau", "no-lr-schedule", { lr: 1e-3 });
    expect(r.proposed).toBe("ReduceLROnPlateau(factor=0.5, patience=3, min_lr=1e-5)");
    expect(r.code.keras).toContain('monitor="val_loss", factor=0.5, patience=3, min_lr=1e-5');
  });

  test("early-stopping: restores the best weights, names the best val epoch and computes patience", () => {
    const overfit = finding("overfitting", { bestStep: 11, bestValue: 0.3, finalValue: 0.9 }, { series: "val_loss" });
    const r = fix("early-stopping", "no-regularization", {}, [overfit]);
    expect(r.proposed).toBe('EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True) (best val_loss at epoch 11)');
    expect(r.why).toContain("epoch 11");
    expect(fixes(["no-regularization"], { earlyStopping: true }).map((x) => x.id)).not.toContain("early-stopping");
  });

  test("early-stopping on a Hugging Face run: Trainer's EarlyStoppingCallback, naming the logged eval_loss", () => {
    const run = { ...plainRun(), framework: "huggingface" as const };
    const overfit = finding("overfitting", { bestStep: 1000 }, { series: "eval_loss" });
    const r = fixes(["no-regularization"], {}, [overfit], run).find((x) => x.id === "early-stopping");
    expect(r?.proposed).toBe("EarlyStoppingCallback(early_stopping_patience=3) with load_best_model_at_end=True (best eval_loss at step 1000)");
    expect(r?.code.pytorch).toContain("EarlyStoppingCallback(early_stopping_patience=3)");
    expect(r?.code.pytorch).toContain('metric_for_best_model="eval_loss"');
    expect(r?.code.keras).toContain('monitor="val_loss"');
  });

  test("gradient clipping on a Hugging Face run: the Trainer already clips at 1.0, so max_grad_norm 1 (Trainer default) → 0.5 in TrainingArguments", () => {
    const run = { ...plainRun(), framework: "huggingface" as const };
    const r = fixes(["exploding-gradients"], { lr: 3e-5 }, [], run).find((x) => x.id === "gradient-clipping");
    expect([r?.parameter, r?.current, r?.proposed]).toEqual(["max_grad_norm", "1 (Trainer default)", "0.5"]);
    expect(r?.code.pytorch).toBe("args = TrainingArguments(..., learning_rate=3e-5, max_grad_norm=0.5)");
    const configured = fixes(["exploding-gradients"], { extra: { gradClip: 5 } }, [], run).find((x) => x.id === "gradient-clipping");
    expect([configured?.current, configured?.proposed]).toEqual(["5", "1"]);
  });

  test("regularization: L2 1e-3, Dropout 0.25 (0.45 when 0.25 is set), AdamW in PyTorch", () => {
    const wd = fix("weight-decay", "no-regularization", { optimizer: "adam", lr: 1e-3 });
    expect(wd.proposed).toBe("0.001");
    expect(wd.code.keras).toContain("regularizers.l2(0.001)");
    expect(wd.code.pytorch).toContain("AdamW");
    expect(fix("dropout", "no-regularization").proposed).toBe("0.25");
    expect(fix("dropout", "no-regularization", { dropout: 0.25 }).proposed).toBe("0.45");
  });

  test("fixes for init, normalization, loss, shuffle, clipping and optimizer carry code for both frameworks", () => {
    expect(fix("gradient-clipping", "exploding-gradients", { optimizer: "adam", lr: 1e-3 }).code.pytorch).toContain("clip_grad_norm_(model.parameters(), max_norm=1)");
    expect(fix("he-init", "bad-init", { extra: { initStd: 1 } }).current).toBe("N(0, 1)");
    expect(fix("fix-loss", "loss-mismatch", { loss: "mse", numClasses: 10 }).code.pytorch).toContain("nn.CrossEntropyLoss()");
    expect(fix("fix-loss", "loss-mismatch", { loss: "binary_crossentropy", numClasses: 2 }).code.keras).toContain("from_logits=True");
    expect(fix("shuffle", "no-shuffle", { shuffle: false }).code.pytorch).toContain("shuffle=True");
    expect(fix("switch-optimizer", "optimizer-choice", { optimizer: "sgd", momentum: 0, lr: 0.01 }).proposed).toBe("0.9");
    expect(fix("switch-optimizer", "optimizer-choice", { optimizer: "adam", weightDecay: 1e-4 }).proposed).toBe("adamw (weight_decay=1e-4)");
    expect(fix("smaller-model", "model-too-large", { extra: { model: "mlp512x512" } }).proposed).toBe("mlp256x256");
  });
});

describe("recommendFixes", () => {
  test("ranks fixes by cause, each fix id once, skipping weak causes", () => {
    const run = plainRun();
    const causes = [cause("no-regularization", 0.8), cause("too-little-data", 0.6), cause("lr-too-high", 0.1)];
    const recs = recommendFixes(run, {}, [], computeSignals(run, {}, []), causes);
    expect(recs.map((r) => r.id)).toEqual(["early-stopping", "weight-decay", "dropout", "data-augmentation"]);
    expect(recs.map((r) => r.cause)).toEqual(["no-regularization", "no-regularization", "no-regularization", "too-little-data"]);
  });

  test("every cause id has at least one fix and every fix has why, effect and non-empty code", () => {
    expect(Object.keys(FIXES_BY_CAUSE)).toHaveLength(19);
    expect(RECOMMENDATION_IDS.length).toBeGreaterThanOrEqual(19);
    for (const id of Object.keys(FIXES_BY_CAUSE)) {
      const recs = fixes([id], { optimizer: "adam", lr: 0.1, batchSize: 4 });
      expect(recs.length).toBeGreaterThan(0);
      for (const r of recs) {
        expect(r.why.length).toBeGreaterThan(20);
        expect(r.expectedEffect.length).toBeGreaterThan(20);
        expect(r.code.keras.length).toBeGreaterThan(10);
        expect(r.code.pytorch.length).toBeGreaterThan(10);
      }
    }
  });
});
