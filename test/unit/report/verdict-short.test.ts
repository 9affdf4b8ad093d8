import { describe, expect, test } from "@jest/globals";
import { diagnoseRun } from "../../../src/diagnose/diagnose.js";
import { verdictOf } from "../../../src/report/verdict.js";
import { makeRun, makeSeries } from "../../helpers/synth-curves.js";

describe("verdictOf", () => {
  test("verdictOf(diagnosis) calls a one-epoch run too short to diagnose, not healthy", () => {
    const run = makeRun("one-epoch", [makeSeries("loss", [6.06]), makeSeries("val_loss", [9.17])]);
    expect(verdictOf(diagnoseRun(run))).toEqual({ status: "no-data", headline: "Too short to diagnose: the longest loss or metric series has 1 point; at least 5 are needed." });
  });

  test("verdictOf(diagnosis) still reports a NaN in a short run", () => {
    const run = makeRun("short-nan", [makeSeries("loss", [2.3, Number.NaN])]);
    expect(verdictOf(diagnoseRun(run)).status).toBe("error");
  });
});
