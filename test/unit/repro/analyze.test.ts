import { describe, expect, test } from "@jest/globals";
import { analyzeExperiment } from "../../../src/repro/analysis/analyze.js";
import { buildExperimentChart, reproCurvePoints } from "../../../src/repro/analysis/chart.js";
import { renderReproSummary } from "../../../src/repro/analysis/render-summary.js";
import { createLrSchedule } from "../../../src/repro/runner/lr-schedule.js";
import { ExperimentPlanSchema, type ExperimentPlanInput } from "../../../src/repro/plan/experiment.schema.js";
import type { ArmRun } from "../../../src/repro/types.js";

const input: ExperimentPlanInput = {
  model: { kind: "layers", inputShape: [4], layers: [{ type: "dense", units: 2, activation: "softmax" }] },
  data: { kind: "synthetic", inputShape: [4], numClasses: 4, trainSize: 8, valSize: 8 },
  training: { epochs: 6 },
  arms: [
    { id: "baseline", description: "lr 1.0" },
    { id: "lr-1e-3", description: "lower lr", metric: "final-loss", cause: "lr-too-high", changes: { training: { lr: 1e-3 } } },
  ],
};
const plan = ExperimentPlanSchema.parse(input);

/** A curve generator: start → end geometrically, with a per-seed wiggle so variances are not zero. */
function run(arm: string, seed: number, start: number, end: number, status: ArmRun["status"] = "completed"): ArmRun {
  const n = 6;
  const loss = Array.from({ length: n }, (_, i) => start * (end / start) ** (i / (n - 1)) * (1 + 0.02 * seed));
  return { arm, seed, status, loss, valLoss: loss.map((v) => v * 1.05), lr: loss.map(() => 1e-3), stepLoss: loss, samples: 48, durationMs: 10 };
}
const noDetectors = { detect: () => [] };

describe("analyzeExperiment(plan, runs)", () => {
  test("confirms a fix whose runs end far lower than the stuck baseline", () => {
    const runs = [1, 2, 3].flatMap((s) => [run("baseline", s, 12, 12), run("lr-1e-3", s, 1.4, 0.3)]);
    const analysis = analyzeExperiment(plan, runs, noDetectors);
    const [result] = analysis.interventions;
    expect(result).toMatchObject({ id: "lr-1e-3", verdict: "confirmed", baselineSymptomRate: 1, symptomRate: 0, cause: "lr-too-high" });
    expect(result!.pValue).toBeLessThan(0.001);
    expect(result!.effect).toBeGreaterThan(5);
    expect(result!.ratio).toBeCloseTo(0.3 / 12, 2);
    expect(analysis.arms[0]!.symptoms).toEqual({ "no-progress": 3 });
  });

  test("does not confirm anything against a healthy baseline, even when the arm is better", () => {
    const runs = [1, 2, 3].flatMap((s) => [run("baseline", s, 1.4, 0.4), run("lr-1e-3", s, 1.4, 0.2)]);
    const [result] = analyzeExperiment(plan, runs, noDetectors).interventions;
    expect(result!.verdict).toBe("not-confirmed");
    expect(result!.reason).toContain("baseline never showed the symptom");
  });

  test("counts detector findings as symptoms", () => {
    const runs = [1, 2, 3].flatMap((s) => [run("baseline", s, 1.4, 0.6), run("lr-1e-3", s, 1.4, 0.2)]);
    const detect = (r: { name: string }) =>
      r.name.startsWith("baseline") ? [{ id: "oscillation", severity: "warning" as const, confidence: 1, series: "loss", fromStep: 1, toStep: 6, evidence: {}, message: "" }] : [];
    const [result] = analyzeExperiment(plan, runs, { detect }).interventions;
    expect(result).toMatchObject({ verdict: "confirmed", baselineSymptomRate: 1, symptomRate: 0 });
  });

  test("is inconclusive when too few runs finished", () => {
    const runs = [run("baseline", 1, 12, 12), run("lr-1e-3", 1, 1, 0.3), run("baseline", 2, 12, 12), run("lr-1e-3", 2, 1, 0.3, "failed")];
    const [result] = analyzeExperiment(plan, runs, noDetectors).interventions;
    expect(result!.verdict).toBe("inconclusive");
    expect(result!.reason).toContain("finished");
  });

  test("is not-confirmed when the change does not help, and the summary says why", () => {
    const runs = [1, 2, 3].flatMap((s) => [run("baseline", s, 12, 12), run("lr-1e-3", s, 12, 12.5)]);
    const analysis = analyzeExperiment(plan, runs, noDetectors);
    expect(analysis.interventions[0]!.verdict).toBe("not-confirmed");
    const text = renderReproSummary(analysis, { name: "t", backend: "cpu", seeds: 3, durationMs: 1500, assumptions: ["lr 1"], notes: [] });
    expect(text).toContain("✘ lr-1e-3");
    expect(text).toContain("did not improve");
    expect(text).toContain("assumed: lr 1");
  });
});

describe("buildExperimentChart(runs)", () => {
  test("turns every run's epochs into repro chart points and a vega-lite spec", () => {
    const runs = [run("baseline", 1, 12, 12), run("lr-1e-3", 1, 1.4, 0.3)];
    const points = reproCurvePoints(runs, "valLoss");
    expect(points).toHaveLength(12);
    expect(points[6]).toEqual({ arm: "lr-1e-3", seed: 1, epoch: 1, loss: runs[1]!.valLoss[0] });
    const chart = buildExperimentChart(runs);
    expect(chart.id).toBe("repro");
    expect(JSON.stringify(chart.spec)).toContain("lr-1e-3");
  });
});

describe("createLrSchedule", () => {
  test("reduce-on-plateau follows Keras: patience, factor, cooldown, minLr", () => {
    const s = createLrSchedule({ kind: "reduce-on-plateau", monitor: "val_loss", factor: 0.5, patience: 2, minDelta: 0, cooldown: 1, minLr: 0.2 }, 1);
    const lrs = [1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9].map((v, epoch) => s.next(epoch, { loss: 0, val_loss: v }));
    // Keras trace: improve, improve, wait 1, reduce (cooldown 1), cooldown→wait 1, reduce, wait 1, reduce to minLr.
    expect(lrs).toEqual([1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.2]);
  });

  test("step decays every N epochs", () => {
    const s = createLrSchedule({ kind: "step", everyEpochs: 2, factor: 0.1 }, 1);
    expect([0, 1, 2, 3].map((e) => s.next(e, { loss: 1 }))).toEqual([1, 0.1, 0.1, 0.010000000000000002]);
  });
});

describe("LocalReproQueue", () => {
  test("runs experiments one at a time, in order, and survives a failing one", async () => {
    const { LocalReproQueue } = await import("../../../src/repro/runner/local-queue.js");
    const log: string[] = [];
    let active = 0;
    const queue = new LocalReproQueue(async (p) => {
      active += 1;
      expect(active).toBe(1);
      log.push(`start ${p.name}`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`end ${p.name}`);
      active -= 1;
      if (p.name === "b") throw new Error("boom");
      return { name: p.name } as never;
    });
    const a = queue.enqueue({ ...plan, name: "a" });
    const b = queue.enqueue({ ...plan, name: "b" });
    const c = queue.enqueue({ ...plan, name: "c" });
    expect(queue.pending).toBe(3);
    await expect(b).rejects.toThrow("boom");
    await Promise.all([a, c]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
