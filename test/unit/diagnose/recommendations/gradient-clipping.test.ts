import { describe, expect, test } from "@jest/globals";
import { computeSignals } from "../../../../src/diagnose/causes/signals.js";
import { recommendFixes } from "../../../../src/diagnose/recommendations/recommend.js";
import type { Cause, Recommendation } from "../../../../src/domain/finding.js";
import type { TrainingConfig } from "../../../../src/domain/training-config.js";
import { plainRun } from "../causes/fixtures.js";

const cause = (id: string, score = 0.9): Cause => ({ id, score, evidence: { for: ["test"], against: [] } });

function fixesFor(causeIds: string[], config: TrainingConfig): Recommendation[] {
  const run = plainRun();
  return recommendFixes(run, config, [], computeSignals(run, config, []), causeIds.map((id) => cause(id)));
}

function clipping(causeIds: string[], config: TrainingConfig): Recommendation {
  const found = fixesFor(causeIds, config).find((r) => r.id === "gradient-clipping");
  if (found === undefined) throw new Error("no gradient-clipping recommendation");
  return found;
}

describe("gradient-clipping", () => {
  test("next to lower-lr (lr-too-high), the snippet uses the proposed rate, never the rate being fixed", () => {
    const recs = fixesFor(["lr-too-high"], { optimizer: "adam", lr: 1 });
    expect(recs.map((r) => r.id)).toEqual(["lower-lr", "gradient-clipping"]);
    const clip = recs[1];
    expect(clip?.code.keras).toContain("keras.optimizers.Adam(learning_rate=0.001, clipnorm=1)");
    expect(clip?.code.keras).not.toContain("learning_rate=1,");
    expect(clip?.code.keras).toContain("lowered as proposed by lower-lr");
    expect(clip?.code.pytorch).toContain("torch.optim.Adam(model.parameters(), lr=0.001)");
  });

  test("when exploding-gradients ranks before lr-too-high, clipping still defers to lower-lr's rate", () => {
    const recs = fixesFor(["exploding-gradients", "lr-too-high"], { optimizer: "sgd", lr: 0.5, momentum: 0.9 });
    const clip = recs.find((r) => r.id === "gradient-clipping");
    expect(clip?.cause).toBe("exploding-gradients");
    expect(clip?.code.keras).toContain("keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, clipnorm=1)");
    expect(recs.find((r) => r.id === "lower-lr")?.proposed).toBe("0.05");
  });

  test("an unknown SGD rate is expressed relative to the current one", () => {
    const clip = clipping(["lr-too-high"], { optimizer: "sgd" });
    expect(clip.code.pytorch).toContain("new_lr = current_lr / 10  # as proposed by lower-lr");
    expect(clip.code.pytorch).toContain("torch.optim.SGD(model.parameters(), lr=new_lr, momentum=0.9)");
  });

  test("without a too-high rate the configured lr is kept, and an existing clip value is halved", () => {
    const clip = clipping(["exploding-gradients"], { optimizer: "adam", lr: 3e-4, extra: { gradClip: 1 } });
    expect(clip.code.keras).toBe("optimizer = keras.optimizers.Adam(learning_rate=3e-4, clipnorm=0.5)");
    expect([clip.current, clip.proposed]).toEqual(["1", "0.5"]);
  });
});
