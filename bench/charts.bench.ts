/**
 * Charts benchmark (`npm run bench:charts`).
 *
 * A run with 4 series × 100k points (train loss, validation loss, learning rate, accuracy) goes
 * through the whole chart pipeline: buildRunCharts (EMA + downsampling + spec) → vega-lite compile +
 * vega SVG (renderer "none", no ARIA descriptions: PNG output) → resvg PNG at 2×. The stage rows run
 * the steps one after the other; the total rows run the real pipeline (`buildRunCharts` then
 * `renderPngs`, which rasterises on the thread pool while the next chart goes through vega). After
 * warm-up rounds, prints the median and min of wall and CPU time, and the spec and PNG sizes, against
 * the goals (≤ 300 ms, ≤ 200 KB). CPU time is the comparable figure on a shared machine (it includes
 * the thread-pool time of the same process). Charts of the same shape reuse their compiled vega spec
 * (compile-cache.ts); the "new chart shape" row renames the run every round to measure a cache miss.
 *
 * Flags: --points N (default 100_000), --rounds N (default 7), --warmup N (default 2).
 */
import { loadavg, cpus } from "node:os";
import { buildRunCharts, type ChartSpec } from "../src/charts/build-charts.js";
import { renderPngs, renderSvg, svgToPng } from "../src/charts/render-image.js";
import type { TrainingRun } from "../src/domain/run.js";
import type { Series, SeriesRole } from "../src/domain/series.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => Number(args[args.indexOf(name) + 1] ?? "") || fallback;
const POINTS = flag("--points", 100_000);
const ROUNDS = flag("--rounds", 7);
const WARMUP = flag("--warmup", 2);
const GOAL_MS = 300;
const GOAL_BYTES = 200 * 1024;

/** Deterministic noisy curves (no Math.random: figures must be comparable between runs). */
function makeRun(n: number): TrainingRun {
  const steps = Float64Array.from({ length: n }, (_, i) => i);
  const noise = (i: number, k: number): number => (((i * k) % 1009) / 1009 - 0.5) * 0.3;
  const curve = (f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));
  const make = (tag: string, role: SeriesRole, values: Float64Array, direction: Series["direction"]): Series => ({ tag, role, direction, stepUnit: "step", steps, values });
  return {
    name: "bench",
    source: { path: "bench", format: "csv", files: [] },
    framework: "unknown",
    hparams: {},
    series: [
      make("loss", "train-loss", curve((i) => 2.3 * Math.exp(-i / (n / 5)) * (1 + noise(i, 7919)) + 0.05), "lower"),
      make("val_loss", "val-loss", curve((i) => 2.4 * Math.exp(-i / (n / 5)) * (1 + noise(i, 104_729) / 3) + 0.2 + (i > n / 2 ? (i - n / 2) / n : 0)), "lower"),
      make("lr", "learning-rate", curve((i) => 1e-3 * 0.5 * (1 + Math.cos((Math.PI * i) / n))), "unknown"),
      make("accuracy", "train-metric", curve((i) => Math.min(0.99, 1 - Math.exp(-i / (n / 5)) * (0.9 + noise(i, 3571) / 3))), "higher"),
    ],
  };
}

interface Sample {
  wall: number;
  cpu: number;
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ value: T; sample: Sample }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, sample: { wall, cpu: (used.user + used.system) / 1000 } };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

async function renderAll(charts: ChartSpec[]): Promise<{ svg: Sample; png: Sample; pngBytes: number }> {
  let svgWall = 0;
  let svgCpu = 0;
  let pngWall = 0;
  let pngCpu = 0;
  let pngBytes = 0;
  for (const chart of charts) {
    const svg = await time(() => renderSvg(chart.spec, { accessible: false }));
    const png = await time(() => svgToPng(svg.value));
    svgWall += svg.sample.wall;
    svgCpu += svg.sample.cpu;
    pngWall += png.sample.wall;
    pngCpu += png.sample.cpu;
    pngBytes += png.value.length;
  }
  return { svg: { wall: svgWall, cpu: svgCpu }, png: { wall: pngWall, cpu: pngCpu }, pngBytes };
}

async function main(): Promise<void> {
  const run = makeRun(POINTS);
  console.log(`charts bench: ${run.series.length} series × ${POINTS.toLocaleString("en")} points; ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const rows: Record<"build" | "svg" | "png" | "sum" | "total" | "cold" | "lossOnly", Sample[]> = { build: [], svg: [], png: [], sum: [], total: [], cold: [], lossOnly: [] };
  let specBytes: number[] = [];
  let pngBytes = 0;
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const built = await time(() => buildRunCharts(run, []));
    const rendered = await renderAll(built.value);
    const loss = built.value.filter((c) => c.id === "loss");
    const total = await time(async () => renderPngs(buildRunCharts(run, []).map((c) => c.spec)));
    const fresh = { ...run, name: `bench round ${round}` };
    const cold = await time(async () => renderPngs(buildRunCharts(fresh, []).map((c) => c.spec)));
    const lossOnly = await time(async () => renderPngs(buildRunCharts(run, []).filter((c) => c.id === "loss").map((c) => c.spec)));
    if (round < WARMUP) continue;
    rows.build.push(built.sample);
    rows.svg.push(rendered.svg);
    rows.png.push(rendered.png);
    rows.sum.push({ wall: built.sample.wall + rendered.svg.wall + rendered.png.wall, cpu: built.sample.cpu + rendered.svg.cpu + rendered.png.cpu });
    rows.total.push(total.sample);
    rows.cold.push(cold.sample);
    rows.lossOnly.push(lossOnly.sample);
    specBytes = built.value.map((c) => JSON.stringify(c.spec).length);
    pngBytes = rendered.pngBytes;
    if (loss.length === 0) throw new Error("no loss chart");
  }
  console.log(`\n| stage (${ROUNDS} warm rounds) | median wall | min wall | median CPU |`);
  console.log("|---|---|---|---|");
  const labels: Record<keyof typeof rows, string> = {
    build: "buildRunCharts (EMA, downsample, specs)",
    svg: "vega-lite compile + vega SVG (all charts)",
    png: "resvg PNG 2× (all charts)",
    sum: "sum of the three stages (one after the other)",
    total: "**total: 4 series → PNGs** (buildRunCharts + renderPngs)",
    cold: "total, new chart shape each round (vega-lite compile not cached)",
    lossOnly: "loss chart only (3 series) → PNG (buildRunCharts + renderPngs)",
  };
  for (const key of Object.keys(rows) as (keyof typeof rows)[]) {
    const walls = rows[key].map((s) => s.wall);
    console.log(`| ${labels[key]} | ${fmt(median(walls))} | ${fmt(Math.min(...walls))} | ${fmt(median(rows[key].map((s) => s.cpu)))} |`);
  }
  const totalSpec = specBytes.reduce((a, b) => a + b, 0);
  console.log(`\nspec sizes: ${specBytes.map((b) => `${(b / 1024).toFixed(1)} KB`).join(" + ")} = ${(totalSpec / 1024).toFixed(1)} KB (goal ≤ ${GOAL_BYTES / 1024} KB per chart: ${specBytes.every((b) => b <= GOAL_BYTES) ? "met" : "NOT met"})`);
  console.log(`PNG bytes (all charts): ${(pngBytes / 1024).toFixed(1)} KB`);
  const totalMedian = median(rows.total.map((s) => s.wall));
  console.log(`median warm time 4 series → PNG: ${fmt(totalMedian)} wall, ${fmt(median(rows.total.map((s) => s.cpu)))} CPU (goal ≤ ${GOAL_MS} ms: ${totalMedian <= GOAL_MS ? "met" : "not met on this machine"})`);
}

await main();
