import { describe, expect, test } from "@jest/globals";
import { diagnoseRun } from "../../../../src/diagnose/diagnose.js";
import { withLoggedLr } from "../../../../src/diagnose/recommendations/logged-lr.js";
import { makeRun, makeSeries } from "../../../helpers/synth-curves.js";

const lr = makeSeries("learning_rate", [1e-6, 2e-5, 3e-5, 2.5e-5, 1e-5], "step", "learning-rate");
const loss = makeSeries("loss", [2, 1.5, 1.2, 1.1, 1], "step");

describe("withLoggedLr", () => {
  test("a config without lr takes the highest logged learning rate (warm-up peak); a configured lr wins", () => {
    const run = makeRun("hf", [loss, lr]);
    expect(withLoggedLr({}, run).lr).toBe(3e-5);
    expect(withLoggedLr({ lr: 1e-4 }, run).lr).toBe(1e-4);
    expect(withLoggedLr({}, makeRun("no-lr", [loss])).lr).toBeUndefined();
    expect(withLoggedLr({}, makeRun("nan-lr", [loss, makeSeries("lr", [Number.NaN, Number.NaN], "step", "learning-rate")])).lr).toBeUndefined();
  });

  test("diagnoseRun computes the fixes from the logged rate but keeps the config it reports as given", () => {
    const exploding = makeSeries("loss", Array.from({ length: 40 }, (_, i) => (i < 10 ? 2 - i * 0.1 : 1.3 ** (i - 10))), "step");
    const logged = makeSeries("learning_rate", Array.from({ length: 40 }, () => 0.5), "step", "learning-rate");
    const diagnosis = diagnoseRun(makeRun("nan", [exploding, logged]));
    expect(diagnosis.config.lr).toBeUndefined();
    const lower = diagnosis.recommendations.find((r) => r.id === "lower-lr");
    expect([lower?.current, lower?.proposed]).toEqual(["0.5", "0.05"]);
  });
});
