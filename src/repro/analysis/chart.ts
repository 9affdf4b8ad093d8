import { buildReproChart, type ChartSpec } from "../../charts/build-charts.js";
import type { ReproCurvePoint } from "../../charts/build-charts.js";
import type { ArmRun } from "../types.js";

/** Curve points of every run (training or validation loss per epoch), as the repro chart reads them. */
export function reproCurvePoints(runs: readonly ArmRun[], curve: "loss" | "valLoss" = "loss"): ReproCurvePoint[] {
  return runs.flatMap((run) => run[curve].map((loss, i) => ({ arm: run.arm, seed: run.seed, epoch: i + 1, loss })));
}

/** The comparison chart of an experiment: per arm the median curve over seeds with its IQR band. */
export function buildExperimentChart(runs: readonly ArmRun[], curve: "loss" | "valLoss" = "loss"): ChartSpec {
  return buildReproChart(reproCurvePoints(runs, curve));
}
