import { describe, expect, test } from "@jest/globals";
import { rankCauses } from "../../../../src/diagnose/causes/rank-causes.js";
import { CAUSE_IDS } from "../../../../src/diagnose/causes/registry.js";
import { computeSignals } from "../../../../src/diagnose/causes/signals.js";
import { CAUSE_INFO } from "../../../../src/diagnose/cause-messages.js";
import type { Cause } from "../../../../src/domain/finding.js";
import { makeRun, makeSeries } from "../../../helpers/synth-curves.js";
import { explodeThenDeadRun, finding, nanRun, plainRun, stuckAtChanceRun } from "./fixtures.js";

const CONTRACT_IDS = [
  "lr-too-high", "lr-too-low", "batch-too-small", "no-regularization", "model-too-large", "too-little-data", "unnormalized-inputs",
  "data-outliers", "missing-batchnorm", "bad-init", "loss-mismatch", "label-noise", "no-shuffle", "no-lr-schedule", "data-mismatch",
  "optimizer-choice", "vanishing-gradients", "exploding-gradients", "restart-without-state",
];

function ids(causes: Cause[]): string[] {
  return causes.map((c) => c.id);
}

function scoreOf(causes: Cause[], id: string): number {
  return causes.find((c) => c.id === id)?.score ?? 0;
}

describe("cause registry", () => {
  test("has exactly the contract cause ids, each with a title in the catalogue", () => {
    expect([...CAUSE_IDS].sort()).toEqual([...CONTRACT_IDS].sort());
    for (const id of CAUSE_IDS) expect(CAUSE_INFO[id]?.title).toBeTruthy();
  });
});

describe("rankCauses from curves alone", () => {
  test("a healthy run without findings gets no causes", () => {
    expect(rankCauses(plainRun(), {}, [])).toEqual([]);
  });

  test("explosion in the first epoch then a plateau at ln(10) → lr-too-high, unnormalized-inputs, bad-init in the top 3", () => {
    const causes = rankCauses(explodeThenDeadRun(), {}, [finding("divergence", { explosive: true, ratio: 260, position: 0 }), finding("plateau", { atChance: true, chanceLevel: Math.log(10) })]);
    expect(ids(causes).slice(0, 3)).toEqual(expect.arrayContaining(["lr-too-high", "unnormalized-inputs"]));
    expect(causes[0]?.id).toBe("lr-too-high");
    expect(causes[0]?.evidence.for.join(" ")).toMatch(/ln\(10\)/);
  });

  test("val bottoming out and climbing while train falls → no-regularization, too-little-data, model-too-large", () => {
    const causes = rankCauses(plainRun(), {}, [finding("overfitting", { bestStep: 4, bestValue: 0.3, finalValue: 0.9, valIncrease: 2, trainDecrease: 0.9 }, { series: "val_loss" })]);
    expect(ids(causes).slice(0, 3).sort()).toEqual(["model-too-large", "no-regularization", "too-little-data"]);
  });

  test("NaN from the very start points to bad-init before lr-too-high", () => {
    const causes = rankCauses(nanRun(), {}, [finding("non-finite", { firstStep: 0, kind: "nan", lastFiniteValue: null, position: 0 }, { severity: "error" })]);
    expect(causes[0]?.id).toBe("bad-init");
    expect(ids(causes)).toContain("exploding-gradients");
  });

  test("noisy curve with spikes → batch-too-small first", () => {
    const causes = rankCauses(plainRun(), {}, [finding("noisy", { noiseRatio: 0.4 }), finding("spikes", { count: 12, maxScore: 20, largestStep: 9 })]);
    expect(causes[0]?.id).toBe("batch-too-small");
  });

  test("a NaN that arrives while the loss is low and falling → loss-mismatch", () => {
    const run = makeRun("late-nan", [makeSeries("loss", [0.5, 0.2, 0.1, 0.05, 0.04, Number.NaN, Number.NaN, Number.NaN])]);
    const causes = rankCauses(run, {}, [finding("non-finite", { firstStep: 5, kind: "nan", lastFiniteValue: 0.04, position: 0.6 }, { severity: "error" })]);
    expect(causes[0]?.id).toBe("loss-mismatch");
  });

  test("stuck at chance from the start without explosion → vanishing-gradients over unnormalized-inputs", () => {
    const causes = rankCauses(stuckAtChanceRun(), {}, [finding("plateau", { atChance: true, chanceLevel: Math.log(10), level: 2.3, relativeImprovement: 0 })]);
    expect(ids(causes)).toContain("vanishing-gradients");
    expect(ids(causes)).not.toContain("unnormalized-inputs");
  });

  test("huge loss scale with spikes → data-outliers", () => {
    const loss = Array.from({ length: 40 }, (_, i) => 2e5 - 1e3 * i);
    const causes = rankCauses(makeRun("reg", [makeSeries("loss", loss)]), {}, [finding("spikes", { count: 5, maxScore: 30, largestStep: 7 })]);
    expect(causes[0]?.id).toBe("data-outliers");
    expect(causes[0]?.evidence.for.join(" ")).toContain("of order");
  });

  test("high best val loss with low accuracy while train is memorised → label-noise first", () => {
    const loss = Array.from({ length: 40 }, (_, i) => 2 * Math.exp(-i / 6));
    const acc = Array.from({ length: 40 }, (_, i) => 0.55 + 0.002 * i);
    const run = makeRun("noisy-labels", [makeSeries("loss", loss), makeSeries("val_loss", loss.map((_v, i) => 1.6 + 0.05 * i)), makeSeries("val_accuracy", acc)]);
    const causes = rankCauses(run, { numClasses: 10 }, [finding("overfitting", { bestStep: 3, bestValue: 1.6, finalValue: 3.5, valIncrease: 1.2, trainDecrease: 0.99 }, { series: "val_loss" })]);
    expect(causes[0]?.id).toBe("label-noise");
  });
});

describe("rankCauses with configuration facts", () => {
  test("Adam lr 1.0 makes lr-too-high near certain, even from a single divergence finding", () => {
    const causes = rankCauses(plainRun(), { optimizer: "adam", lr: 1 }, [finding("divergence", { explosive: false, ratio: 3, position: 0.1 })]);
    expect(causes[0]?.id).toBe("lr-too-high");
    expect(causes[0]?.score).toBeGreaterThan(0.95);
    expect(causes[0]?.evidence.for).toContain("Adam lr=1 is 333× the usual upper end 0.003");
  });

  test("a usual lr argues against lr-too-high", () => {
    const findings = [finding("oscillation", { amplitudeRatio: 0.3, swings: 6 }), finding("divergence", { explosive: false, ratio: 2 })];
    const usual = rankCauses(plainRun(), { optimizer: "adam", lr: 1e-3 }, findings, { minScore: 0 });
    const unknown = rankCauses(plainRun(), {}, findings);
    expect(scoreOf(unknown, "lr-too-high")).toBeGreaterThan(0.5);
    expect(scoreOf(usual, "lr-too-high")).toBeLessThan(scoreOf(unknown, "lr-too-high") - 0.3);
    expect(usual.find((c) => c.id === "lr-too-high")?.evidence.against).toContain("Adam lr=0.001 is in the usual range");
  });

  test("SGD momentum counts: lr 0.5 with momentum 0.9 is an effective step of 5", () => {
    const causes = rankCauses(plainRun(), { optimizer: "sgd", lr: 0.5, momentum: 0.9 }, [finding("oscillation", { amplitudeRatio: 0.5, swings: 9 })]);
    expect(causes[0]?.id).toBe("lr-too-high");
    expect(causes[0]?.evidence.for).toContain("SGD lr=0.5 with momentum 0.9 is an effective step of 5");
  });

  test("batch 1 → batch-too-small; batch 64 argues against it", () => {
    const findings = [finding("noisy", { noiseRatio: 0.3 })];
    expect(rankCauses(plainRun(), { batchSize: 1 }, findings)[0]?.id).toBe("batch-too-small");
    expect(scoreOf(rankCauses(plainRun(), { batchSize: 64 }, findings), "batch-too-small")).toBeLessThan(0.2);
  });

  test("dropout and weight decay count against no-regularization", () => {
    const findings = [finding("overfitting", { bestStep: 10, bestValue: 0.3, finalValue: 0.5, valIncrease: 0.6, trainDecrease: 0.9 }, { series: "val_loss" })];
    const none = scoreOf(rankCauses(plainRun(), { dropout: 0, weightDecay: 0 }, findings), "no-regularization");
    const some = scoreOf(rankCauses(plainRun(), { dropout: 0.5, weightDecay: 0.01 }, findings), "no-regularization");
    expect(none).toBeGreaterThan(0.5);
    expect(some).toBeLessThan(none - 0.3);
  });

  test("configuration alone is enough when it is decisive (shuffle off), but not below the no-symptom bar", () => {
    expect(rankCauses(plainRun(), { shuffle: false }, [])[0]?.id).toBe("no-shuffle");
    expect(rankCauses(plainRun(), { shuffle: true, batchSize: 32 }, [])).toEqual([]);
  });

  test("raw inputs, sigmoid depth, large init, MSE on classes, label noise each lift their cause to the top", () => {
    const dead = [finding("plateau", { atChance: true, chanceLevel: Math.log(10) })];
    expect(rankCauses(explodeThenDeadRun(20), { normalizedInputs: false, optimizer: "sgd", lr: 0.01, momentum: 0.9 }, dead)[0]?.id).toBe("unnormalized-inputs");
    expect(rankCauses(stuckAtChanceRun(), { extra: { activation: "sigmoid", model: "mlp64x64x64x64x64x64x64x64" }, batchnorm: false }, dead)[0]?.id).toBe("vanishing-gradients");
    expect(rankCauses(nanRun(), { extra: { initStd: 1 } }, [finding("non-finite", { position: 0, kind: "nan" }, { severity: "error" })])[0]?.id).toBe("bad-init");
    expect(rankCauses(plainRun(), { loss: "mse", numClasses: 10 }, [finding("slow-convergence", { improvementRatio: 0.3 })])[0]?.id).toBe("loss-mismatch");
    expect(rankCauses(plainRun(), { extra: { labelNoise: 0.3 } }, [finding("overfitting", { bestStep: 3 }, { series: "val_loss" })])[0]?.id).toBe("label-noise");
  });

  test("plain SGD without momentum that stalls → optimizer-choice; a logged LR schedule argues against no-lr-schedule", () => {
    const stall = [finding("slow-convergence", { improvementRatio: 0.2 }), finding("plateau", { atChance: false, level: 0.8, relativeImprovement: 0.02 })];
    expect(ids(rankCauses(plainRun(), { optimizer: "sgd", momentum: 0, lr: 0.01 }, stall))).toContain("optimizer-choice");
    const lr = makeSeries("lr", Array.from({ length: 30 }, (_, i) => (i < 15 ? 0.1 : 0.01)), "epoch", "learning-rate");
    const scheduled = makeRun("sched", [...plainRun().series, lr]);
    expect(scoreOf(rankCauses(scheduled, {}, stall), "no-lr-schedule")).toBeLessThan(scoreOf(rankCauses(plainRun(), {}, stall), "no-lr-schedule"));
  });

  test("every cause has a score in 0..1 and evidence sentences with numbers", () => {
    const causes = rankCauses(explodeThenDeadRun(), { optimizer: "adam", lr: 0.5, batchSize: 2, shuffle: false }, [finding("divergence", { explosive: true, ratio: 100 }), finding("noisy", { noiseRatio: 0.5 })]);
    expect(causes.length).toBeGreaterThan(2);
    for (const c of causes) {
      expect(c.score).toBeGreaterThanOrEqual(0.2);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.evidence.for.length).toBeGreaterThan(0);
    }
    expect(causes.map((c) => c.score)).toEqual([...causes.map((c) => c.score)].sort((a, b) => b - a));
  });
});

describe("computeSignals", () => {
  test("infers 10 classes from a loss at ln(10) with accuracy 0.1 and sees the early explosion", () => {
    const s = computeSignals(explodeThenDeadRun(), {}, []);
    expect(s.numClasses).toBe(10);
    expect(s.atChance).toBe(true);
    expect(s.earlyExplosion).toBe(true);
  });

  test("a fast but healthy decay is not an explosion", () => {
    const run = makeRun("fast", [makeSeries("loss", [0.5, 0.05, 0.03, 0.02, 0.015, 0.012, 0.011, 0.01])]);
    expect(computeSignals(run, {}, []).earlyExplosion).toBe(false);
  });

  test("a Hugging Face Trainer log: its default max_grad_norm=1.0 counts against exploding gradients, a configured 0 does not", () => {
    const inf = [finding("non-finite", { position: 0.5, kind: "inf", lastFiniteValue: 3e9 }, { severity: "error" })];
    const score = (framework: "huggingface" | "unknown", extra: Record<string, number> = {}): number =>
      rankCauses({ ...nanRun(), framework }, { extra }, inf, { minScore: 0 }).find((c) => c.id === "exploding-gradients")?.score ?? 0;
    expect(score("huggingface")).toBeLessThan(score("unknown"));
    expect(score("huggingface", { gradClip: 0 })).toBe(score("unknown"));
    const hf = rankCauses({ ...nanRun(), framework: "huggingface" }, {}, inf, { minScore: 0 }).find((c) => c.id === "exploding-gradients");
    expect(hf?.evidence.against.some((text) => text.includes("max_grad_norm=1 by default"))).toBe(true);
  });
});
