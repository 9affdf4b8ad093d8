import { describe, expect, test } from "@jest/globals";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import { diagnoseRun } from "../../../../src/diagnose/diagnose.js";
import { makeRun, makeSeries } from "../../../helpers/synth-curves.js";

const N = 120;
/** A smooth decay from 3 towards 0.2 with a small deterministic wobble (no randomness). */
const base = (i: number): number => 0.2 + 2.8 * Math.exp(-i / 15) + 0.01 * Math.sin(i * 1.7);
/** `base` with the level multiplied from `at` on by a bump that decays back over `recover` points. */
function knockedBack(at: number, height: number, recover: number, length = N): number[] {
  return Array.from({ length }, (_, i) => (i < at ? base(i) : base(i) * (1 + (height - 1) * Math.max(0, 1 - (i - at) / recover))));
}
const jumps = (values: number[], extra: Parameters<typeof makeSeries>[2] = "step") =>
  detectFindings(makeRun("jump", [makeSeries("loss", values, extra)])).filter((f) => f.id === "loss-jump");

describe("loss-jump", () => {
  test("a jump to 4× that takes 40 steps to come back: a warning with the exact step, the peak and the recovery", () => {
    const [finding, ...rest] = jumps(knockedBack(60, 4, 40));
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe("warning");
    expect(finding?.evidence).toMatchObject({ step: 60, peak: expect.closeTo(4 * base(60), 3), ratio: expect.any(Number), recoveredStep: expect.any(Number) });
    expect(finding?.evidence["recoveredStep"] as number).toBeGreaterThan(80);
    expect(finding?.evidence["recoveredStep"] as number).toBeLessThanOrEqual(100);
    // before = the median of the 5 points before step 60; the threshold is 2× that level.
    expect(finding?.message).toBe("loss jumped from 0.265 to 1.04 at step 60 and stayed above 0.53 for 19 steps; back near 0.265 at step 95");
    expect(finding?.evidence["threshold"]).toBeCloseTo(2 * (finding?.evidence["before"] as number), 3);
  });

  test("a jump that never comes back runs to the end of the run", () => {
    const values = Array.from({ length: N }, (_, i) => (i < 100 ? base(i) : 3 * base(i)));
    const [finding] = jumps(values);
    expect(finding?.evidence["recoveredStep"]).toBeNull();
    expect(finding?.message).toContain("to the end of the run; it never came back");
  });

  test("a loss with a high floor: 3.3 → 6.3 is under 2× but gives back 38 % of the progress, so it is a jump (threshold midway)", () => {
    const lm = (i: number): number => 3.3 + 8 * Math.exp(-i / 10) + 0.01 * Math.sin(i * 1.7);
    const values = Array.from({ length: N }, (_, i) => (i < 60 ? lm(i) : lm(i) + 3));
    const [finding] = jumps(values);
    expect(finding?.evidence["ratio"] as number).toBeLessThan(2);
    expect(finding?.evidence["giveBack"] as number).toBeGreaterThan(0.3);
    expect(finding?.evidence["threshold"]).toBeCloseTo(((finding?.evidence["before"] as number) + (finding?.evidence["after"] as number)) / 2, 2);
    // +1.5: 1.45× (above minMajorRatio) but 19 % of the progress, under majorGiveBack: no jump.
    expect(jumps(values.map((v, i) => (i < 60 ? v : v - 1.5)))).toEqual([]);
  });

  test("a steep climb spread over 6 points is not a jump: its steepest 3 points hold at most 75 % of the rise", () => {
    const lm = (i: number): number => 3.3 + 8 * Math.exp(-i / 10) + 0.01 * Math.sin(i * 1.7);
    const values = Array.from({ length: N }, (_, i) => lm(i) + 0.8 * Math.min(6, Math.max(0, i - 59)));
    expect(jumps(values)).toEqual([]);
    const run = makeRun("climb", [makeSeries("loss", values, "step")]);
    // Without the suddenness guard the same climb would pass every other test.
    expect(detectFindings(run, { thresholds: { "loss-jump": { minSuddenShare: 0 } } }).some((f) => f.id === "loss-jump")).toBe(true);
  });

  test("a burst of 4 high points is not a jump (spikes' territory)", () => {
    const values = Array.from({ length: N }, (_, i) => (i >= 60 && i < 64 ? 4 * base(i) : base(i)));
    expect(jumps(values)).toEqual([]);
  });

  test("a loss near zero that doubles gives back nothing that matters", () => {
    const tiny = Array.from({ length: N }, (_, i) => (i < 10 ? base(i) : 1e-4 * (i >= 60 ? 2.5 : 1)));
    expect(jumps(tiny)).toEqual([]);
  });

  test("a rise to an explosion is divergence's finding, and a jump on a series that diverges is dropped", () => {
    const exploding = Array.from({ length: N }, (_, i) => (i < 60 ? base(i) : 50));
    const findings = detectFindings(makeRun("explode", [makeSeries("loss", exploding, "step")]));
    expect(findings.some((f) => f.id === "divergence")).toBe(true);
    expect(findings.some((f) => f.id === "loss-jump")).toBe(false);
  });

  test("when the logged learning rate went up at the jump (a warm restart) the finding is info", () => {
    const lr = makeSeries("lr", Array.from({ length: N }, (_, i) => (i < 60 ? 1e-4 : 1e-3)), "step", "learning-rate");
    const findings = detectFindings(makeRun("restart", [makeSeries("loss", knockedBack(60, 4, 40), "step"), lr])).filter((f) => f.id === "loss-jump");
    expect(findings.map((f) => [f.severity, f.evidence["lrRaised"]])).toEqual([["info", true]]);
  });

  test("a decaying learning rate that goes back up at the jump: the schedule restarted, and the top cause is a resume without state", () => {
    const decaying = (i: number): number => (i < 60 ? 3e-5 * (1 - i / 400) : 3e-5 * (1 - (i - 60) / 400));
    const lr = makeSeries("lr", Array.from({ length: N }, (_, i) => decaying(i)), "step", "learning-rate");
    const run = makeRun("resumed", [makeSeries("loss", knockedBack(60, 4, 40), "step"), lr]);
    const diagnosis = diagnoseRun(run);
    const jump = diagnosis.findings.find((f) => f.id === "loss-jump");
    expect(jump?.severity).toBe("warning");
    expect(jump?.evidence).toMatchObject({ lrRestartFrom: expect.closeTo(decaying(59), 12), lrRestartTo: 3e-5 });
    expect(jump?.message).toContain("the learning rate went back up from 2.56e-5 to 3.00e-5: the schedule started over");
    expect(diagnosis.causes[0]?.id).toBe("restart-without-state");
    expect(diagnosis.recommendations[0]?.id).toBe("resume-full-state");
  });

  test("a learning rate still warming up at the jump is not a restart", () => {
    // Exponential warm-up: +5 % per step, so the rate also rises 1.05× at the jump itself.
    const lr = makeSeries("lr", Array.from({ length: N }, (_, i) => 1e-7 * 1.05 ** i), "step", "learning-rate");
    const [jump] = detectFindings(makeRun("warmup", [makeSeries("loss", knockedBack(60, 4, 40), "step"), lr])).filter((f) => f.id === "loss-jump");
    expect(jump?.severity).toBe("warning");
    expect(jump?.evidence["lrRestartFrom"]).toBeUndefined();
  });

  test("thresholds are options: minRatio 5 (and no give-back path) ignores a 4× jump; disabling the id removes it", () => {
    const values = knockedBack(60, 4, 40);
    const run = makeRun("jump", [makeSeries("loss", values, "step")]);
    expect(detectFindings(run, { thresholds: { "loss-jump": { minRatio: 5, majorGiveBack: 1 } } }).some((f) => f.id === "loss-jump")).toBe(false);
    expect(detectFindings(run, { disabled: ["loss-jump"] }).some((f) => f.id === "loss-jump")).toBe(false);
  });
});
