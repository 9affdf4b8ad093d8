/**
 * Seeded synthetic training curves with known labels, for detector goldens, bench/eval.ts and the
 * diagnose benchmark. Every generator is deterministic for a given seed (mulberry32 + Box–Muller).
 */
import type { TrainingRun } from "../../src/domain/run.js";
import type { Series, SeriesRole, StepUnit } from "../../src/domain/series.js";
import { classifyTag } from "../../src/ingest/roles.js";

/** mulberry32: small, fast, seedable uniform RNG in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform RNG (Box–Muller). */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export function makeSeries(tag: string, values: ArrayLike<number>, stepUnit: StepUnit = "epoch", role?: SeriesRole): Series {
  const classified = classifyTag(tag);
  return {
    tag,
    role: role ?? classified.role,
    direction: classified.direction,
    stepUnit,
    steps: Float64Array.from({ length: values.length }, (_, i) => i),
    values: Float64Array.from(values),
  };
}

export function makeRun(name: string, series: Series[]): TrainingRun {
  return { name, source: { path: `synthetic/${name}`, format: "csv", files: [] }, framework: "unknown", series, hparams: {} };
}

export interface CurveOptions {
  seed: number;
  points: number;
  /** Start and floor of the exponential decay. */
  start?: number;
  floor?: number;
  /** Fraction of the run after which the loss is within e^-5 of the floor. */
  speed?: number;
  /** Multiplicative noise (σ of a log-normal factor). */
  noise?: number;
}

/** exp-decay loss from `start` to `floor` with log-normal multiplicative noise. */
export function decayCurve(o: CurveOptions): Float64Array {
  const normal = gaussian(seededRandom(o.seed));
  const start = o.start ?? 2.3;
  const floor = o.floor ?? 0.05;
  const rate = 5 / Math.max(1, (o.speed ?? 0.5) * o.points);
  return Float64Array.from({ length: o.points }, (_, i) => (floor + (start - floor) * Math.exp(-rate * i)) * Math.exp((o.noise ?? 0.02) * normal()));
}

/** A labelled synthetic case: the detector ids that must fire (empty = healthy, no warning/error). */
export interface SynthCase {
  name: string;
  run: TrainingRun;
  expected: string[];
  /** True when the run is healthy: no warning or error may fire. */
  healthy: boolean;
}

function trainVal(name: string, train: ArrayLike<number>, val: ArrayLike<number> | null, unit: StepUnit = "epoch", extra: Series[] = []): TrainingRun {
  const series = [makeSeries("loss", train, unit)];
  if (val !== null) series.push(makeSeries("val_loss", val, unit));
  return makeRun(name, [...series, ...extra]);
}

function withSpikes(values: Float64Array, seed: number, count: number, height: number): Float64Array {
  const random = seededRandom(seed);
  const out = values.slice();
  for (let k = 0; k < count; k++) {
    const i = Math.floor((0.1 + 0.85 * random()) * out.length);
    out[i] = (out[i] ?? 0) * height;
  }
  return out;
}

/** Healthy cases: nothing at warning or error may fire. */
export function healthyCases(seed: number): SynthCase[] {
  const epochs = 40;
  const train = decayCurve({ seed, points: epochs, start: 1.5, floor: 0.05 });
  const val = decayCurve({ seed: seed + 1, points: epochs, start: 1.6, floor: 0.08 });
  const steps = 3000;
  const stepLoss = decayCurve({ seed: seed + 2, points: steps, start: 2.3, floor: 0.1, noise: 0.15 });
  const lr = Float64Array.from({ length: steps }, (_, i) => (i < steps / 3 ? 0.1 : i < (2 * steps) / 3 ? 0.01 : 0.001));
  const dropped = stepLoss.map((v, i) => v * (i < steps / 3 ? 1 : i < (2 * steps) / 3 ? 0.5 : 0.3));
  const warm = Float64Array.from(stepLoss, (v, i) => (i < 150 ? 2.3 * (1 + (0.4 * i) / 150) : v));
  return [
    { name: `healthy-epoch-${seed}`, run: trainVal("healthy-epoch", train, val), expected: [], healthy: true },
    { name: `healthy-steps-${seed}`, run: trainVal("healthy-steps", stepLoss, null, "step"), expected: [], healthy: true },
    {
      name: `healthy-lr-drops-${seed}`,
      run: trainVal("healthy-lr-drops", dropped, null, "step", [makeSeries("lr", lr, "step")]),
      expected: [],
      healthy: true,
    },
    {
      name: `healthy-steps-epochs-${seed}`,
      run: makeRun("healthy-steps-epochs", [makeSeries("loss", stepLoss, "step"), makeSeries("val_loss", val, "epoch")]),
      expected: [],
      healthy: true,
    },
    { name: `healthy-warmup-${seed}`, run: trainVal("healthy-warmup", warm, null, "step"), expected: [], healthy: true },
    { name: `healthy-short-${seed}`, run: trainVal("healthy-short", train.slice(0, 5), val.slice(0, 5)), expected: [], healthy: true },
    {
      name: `healthy-accuracy-${seed}`,
      run: makeRun("healthy-accuracy", [makeSeries("accuracy", train.map((v) => 1 - v / 2)), makeSeries("val_accuracy", val.map((v) => 1 - v / 2))]),
      expected: [],
      healthy: true,
    },
  ];
}

/**
 * Unshuffled data sorted by class: every epoch feeds the same class blocks in the same order, so the
 * per-step loss (slow decay, log-normal noise σ 0.1) jumps at each block start and falls within it —
 * the same ±15 % pattern every epoch. Returns the per-step loss and a per-epoch validation loss.
 */
export function sortedEpochs(seed: number, epochs: number, stepsPerEpoch: number): { steps: Float64Array; val: Float64Array } {
  const normal = gaussian(seededRandom(seed + 11));
  const block = Math.max(2, Math.floor(stepsPerEpoch / 10));
  const base = decayCurve({ seed: seed + 12, points: epochs * stepsPerEpoch, start: 2.3, floor: 1.2, noise: 0 });
  const steps = base.map((v, i) => v * Math.exp(0.15 * (1 - (2 * ((i % stepsPerEpoch) % block)) / (block - 1)) + 0.1 * normal()));
  const val = Float64Array.from({ length: epochs }, (_, e) => (base[(e + 1) * stepsPerEpoch - 1] ?? 0) * 0.95);
  return { steps, val };
}

/** One case per symptom, with the detector id that must fire. */
export function symptomCases(seed: number): SynthCase[] {
  const n = 40;
  const base = decayCurve({ seed, points: n, start: 1.5, floor: 0.1 });
  const val = decayCurve({ seed: seed + 1, points: n, start: 1.3, floor: 0.15 });
  const normal = gaussian(seededRandom(seed + 7));
  const nan = base.map((v, i) => (i >= 25 ? Number.NaN : v));
  const explode = base.map((v, i) => (i >= 20 ? v * Math.exp(0.8 * (i - 19)) : v));
  const trendUp = base.map((v, i) => (i >= 15 ? (base[15] ?? 0) * (1 + 0.06 * (i - 15)) * Math.exp(0.02 * normal()) : v));
  const oscillating = base.map((v, i) => v * (1 + 0.45 * Math.sin(i * 2.3)));
  const spikes = withSpikes(decayCurve({ seed, points: 2000, start: 2.3, floor: 0.2, noise: 0.05 }), seed, 4, 8);
  const plateau = Float64Array.from({ length: n }, () => Math.log(10) * (1 + 0.002 * normal()));
  const slow = Float64Array.from({ length: n }, (_, i) => (2.3 - 0.02 * i) * (1 + 0.003 * normal()));
  const overfitVal = val.map((v, i) => (i >= 12 ? (val[12] ?? 0) * (1 + 0.05 * (i - 12)) : v));
  const below = base.map((v) => v * 0.75 * (1 + 0.01 * normal()));
  const noisy = decayCurve({ seed, points: 3000, start: 2.3, floor: 0.5, noise: 0.6 });
  const stuckAcc = Float64Array.from({ length: n }, () => 0.1 + 0.004 * normal());
  const sawtooth = sortedEpochs(seed, 30, 50);
  return [
    { name: `nan-${seed}`, run: trainVal("nan", nan, null), expected: ["non-finite"], healthy: false },
    { name: `explode-${seed}`, run: trainVal("explode", explode, null), expected: ["divergence"], healthy: false },
    { name: `trend-up-${seed}`, run: trainVal("trend-up", trendUp, null), expected: ["divergence"], healthy: false },
    { name: `oscillation-${seed}`, run: trainVal("oscillation", oscillating, null), expected: ["oscillation"], healthy: false },
    { name: `spikes-${seed}`, run: trainVal("spikes", spikes, null, "step"), expected: ["spikes"], healthy: false },
    { name: `plateau-${seed}`, run: trainVal("plateau", plateau, null), expected: ["plateau"], healthy: false },
    { name: `slow-${seed}`, run: trainVal("slow", slow, null), expected: ["slow-convergence"], healthy: false },
    { name: `overfitting-${seed}`, run: trainVal("overfitting", base, overfitVal), expected: ["overfitting"], healthy: false },
    { name: `val-below-train-${seed}`, run: trainVal("val-below-train", base, below), expected: ["val-below-train"], healthy: false },
    { name: `noisy-${seed}`, run: trainVal("noisy", noisy, null, "step"), expected: ["noisy"], healthy: false },
    {
      name: `sawtooth-${seed}`,
      run: makeRun("sawtooth", [makeSeries("loss", sawtooth.steps, "step"), makeSeries("val_loss", sawtooth.val, "epoch")]),
      expected: ["epoch-sawtooth"],
      healthy: false,
    },
    {
      name: `metric-stuck-${seed}`,
      run: makeRun("metric-stuck", [makeSeries("val_accuracy", stuckAcc)]),
      expected: ["metric-stuck", "plateau"],
      healthy: false,
    },
  ];
}

/**
 * A long healthy per-step run (1M-point edge case and benchmark): geometric decay from 2.3 to 0.1
 * with ±10 % uniform noise from a Park–Miller LCG — plain arithmetic, so generating 1M points is
 * cheap even where `Math.*` calls are slow (jest's vm modules).
 */
export function hugeRun(points: number, seed = 1): TrainingRun {
  const values = new Float64Array(points);
  const decay = Math.exp(-5 / (0.5 * points));
  let state = (seed % 2147483646) + 1;
  let excess = 2.2;
  for (let i = 0; i < points; i++) {
    state = (state * 16807) % 2147483647;
    values[i] = (0.1 + excess) * (0.9 + (0.2 * state) / 2147483647);
    excess *= decay;
  }
  return trainVal(`huge-${points}`, values, null, "step");
}
