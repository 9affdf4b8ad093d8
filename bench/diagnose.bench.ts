/**
 * `npm run bench:diagnose`: time of detectFindings (all detectors) on healthy per-step runs of 1k,
 * 100k and 1M points (train loss only; train + val + lr; train + a 100-epoch val series, which
 * enables `epoch-sawtooth`), median of several runs after a warm-up,
 * and the cost ratio per point (linear cost ⇒ the µs/point column stays flat).
 * Results are recorded in docs/benchmarks/diagnose.md.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { detectFindings } from "../src/diagnose/detect.js";
import type { TrainingRun } from "../src/domain/run.js";
import { decayCurve, hugeRun, makeRun, makeSeries } from "../test/helpers/synth-curves.js";

function fullRun(points: number): TrainingRun {
  const train = decayCurve({ seed: 3, points, start: 2.3, floor: 0.1, noise: 0.1 });
  const val = decayCurve({ seed: 4, points, start: 2.4, floor: 0.15, noise: 0.02 });
  const lr = Float64Array.from({ length: points }, (_, i) => (i < points / 2 ? 1e-3 : 1e-4));
  return makeRun(`full-${points}`, [makeSeries("loss", train, "step"), makeSeries("val_loss", val, "step"), makeSeries("lr", lr, "step")]);
}

/** Per-step loss plus a 100-epoch validation series: the epoch length is known, so `epoch-sawtooth` folds the whole loss. */
function epochRun(points: number): TrainingRun {
  const run = hugeRun(points);
  const val = decayCurve({ seed: 5, points: 100, start: 2.4, floor: 0.15, noise: 0.02 });
  return { ...run, series: [...run.series, makeSeries("val_loss", val, "epoch")] };
}

/** Median wall time and median process CPU time (ms): on a shared machine CPU time is the fairer cost. */
function medianTime(run: TrainingRun, repeats: number): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) detectFindings(run); // JIT warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const usage = process.cpuUsage();
    detectFindings(run);
    const used = process.cpuUsage(usage);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { wall: mid(wall), cpu: mid(cpu) };
}

/** CPU ms of a trivial pass over 1M doubles: how loaded the machine is (≈1 ms when idle). */
function baselineMs(): number {
  const a = new Float64Array(1_000_000).map((_, i) => i % 7);
  const usage = process.cpuUsage();
  let sum = 0;
  for (let r = 0; r < 10; r++) for (let i = 0; i < a.length; i++) sum += a[i]!;
  const used = process.cpuUsage(usage);
  return sum > 0 ? (used.user + used.system) / 10_000 : Number.NaN;
}

const sizes = [1_000, 100_000, 1_000_000];
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}; baseline pass over 1M doubles: ${baselineMs().toFixed(2)} ms CPU`);
console.log("series                points   wall ms (median)   cpu ms (median)   cpu µs/point");
for (const [label, build] of [["loss only", (n: number) => hugeRun(n)], ["loss+val+lr", fullRun], ["loss+epoch val", epochRun]] as const) {
  for (const n of sizes) {
    const { wall, cpu } = medianTime(build(n), n >= 1_000_000 ? 5 : 9);
    console.log(`${label.padEnd(20)} ${String(n).padStart(9)}  ${wall.toFixed(1).padStart(16)}  ${cpu.toFixed(1).padStart(16)}  ${((cpu * 1000) / n).toFixed(3).padStart(13)}`);
  }
}
