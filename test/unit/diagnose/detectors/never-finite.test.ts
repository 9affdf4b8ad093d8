import { describe, expect, test } from "@jest/globals";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import { makeRun, makeSeries } from "../../../helpers/synth-curves.js";

const falling = Array.from({ length: 30 }, (_, i) => 2 * Math.exp(-i / 8) + 0.1);
const allNan = Array.from({ length: 30 }, () => Number.NaN);

describe("never-finite", () => {
  test("detectFindings(run) reports an always-NaN val loss as never-finite (warning), not non-finite, when the train loss is finite", () => {
    const findings = detectFindings(makeRun("yolo-like", [makeSeries("train/box_loss", falling), makeSeries("val/box_loss", allNan)]));
    const broken = findings.filter((f) => f.series === "val/box_loss");
    expect(broken.map((f) => [f.id, f.severity])).toEqual([["never-finite", "warning"]]);
    expect(broken[0]?.evidence).toEqual({ kind: "nan", points: 30 });
    expect(findings.some((f) => f.id === "non-finite")).toBe(false);
  });

  test("detectFindings(run) keeps non-finite errors when every loss is NaN from the first step", () => {
    const findings = detectFindings(makeRun("nan-from-start", [makeSeries("loss", allNan), makeSeries("val_loss", allNan)]));
    expect(findings.filter((f) => f.id === "non-finite").map((f) => f.severity)).toEqual(["error", "error"]);
    expect(findings.some((f) => f.id === "never-finite")).toBe(false);
  });

  test("detectFindings(run) keeps non-finite when the val loss turns NaN after finite values", () => {
    const late = falling.map((v, i) => (i >= 20 ? Number.NaN : v));
    const findings = detectFindings(makeRun("late-nan", [makeSeries("loss", falling), makeSeries("val_loss", late)]));
    expect(findings.find((f) => f.series === "val_loss" && f.id === "non-finite")?.severity).toBe("error");
  });
});
