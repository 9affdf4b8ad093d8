import { describe, expect, test } from "@jest/globals";
import { detectFindings } from "../../../../src/diagnose/detect.js";
import { DETECTOR_MESSAGES } from "../../../../src/diagnose/detector-messages.js";
import { periodicProfile } from "../../../../src/diagnose/stats/epoch-profile.js";
import { searchPeriod } from "../../../../src/diagnose/stats/period-search.js";
import { existsSync } from "node:fs";
import { loadTorchRun, readTorchManifest, SHARED, torchRunsAvailable } from "../../../helpers/load-torch-run.js";
import { decayCurve, gaussian, makeRun, makeSeries, seededRandom, sortedEpochs } from "../../../helpers/synth-curves.js";

/** A per-step loss whose every epoch repeats one fixed random per-batch difficulty profile (batch order never changes). */
function fixedOrder(epochs: number, stepsPerEpoch: number): Float64Array {
  const normal = gaussian(seededRandom(21));
  const profile = Float64Array.from({ length: stepsPerEpoch }, () => 0.2 * normal());
  const trend = decayCurve({ seed: 22, points: epochs * stepsPerEpoch, start: 2.3, floor: 1, noise: 0 });
  return trend.map((v, i) => v * Math.exp((profile[i % stepsPerEpoch] as number) + 0.05 * normal()));
}

const sawtoothOf = (run: Parameters<typeof detectFindings>[0]) => detectFindings(run).filter((f) => f.id === "epoch-sawtooth");

describe("periodicProfile", () => {
  test("a pure repeating pattern on a trend is fully explained and repeats", () => {
    const values = Float64Array.from({ length: 200 }, (_, i) => -0.01 * i + [0.3, 0.1, -0.1, -0.3][i % 4]!);
    const folded = periodicProfile((i) => values[i] as number, values.length, 4);
    expect(folded?.cycles).toBe(50);
    expect(folded?.explained).toBeGreaterThan(0.95);
    expect(folded?.repeatCorrelation).toBeGreaterThan(0.99);
  });

  test("white noise folded at any period explains little and does not repeat", () => {
    const normal = gaussian(seededRandom(3));
    const values = Float64Array.from({ length: 2000 }, () => normal());
    const folded = periodicProfile((i) => values[i] as number, values.length, 50);
    expect(folded?.explained).toBeLessThan(0.15);
    expect(Math.abs(folded?.repeatCorrelation ?? 1)).toBeLessThan(0.4);
  });

  test("fewer than two cycles gives null; a straight line (a loss decaying within each epoch) is no pattern", () => {
    expect(periodicProfile((i) => i, 3, 2)).toBeNull();
    const line = periodicProfile((i) => -2 * i, 400, 10);
    expect(line?.explained).toBe(0);
  });

  test("long series are sampled (bounded work) and still find the pattern", () => {
    const period = 5000;
    let reads = 0;
    const at = (i: number): number => {
      reads++;
      return -1e-6 * i + ((i % period) < period / 2 ? 0.2 : -0.2) + 0.05 * Math.sin(i * 12.9898);
    };
    const folded = periodicProfile(at, 1_000_000, period, { maxPhases: 256, maxCycles: 64 });
    expect(folded?.cycles).toBe(200);
    expect(folded?.phaseStride).toBe(20);
    expect(folded?.explained).toBeGreaterThan(0.8);
    expect(reads).toBeLessThan(4 * 256 * 64);
  });
});

describe("epoch-sawtooth detector", () => {
  test("unshuffled sorted data: fires as a warning with the epoch length and a catalogue message", () => {
    const { steps, val } = sortedEpochs(1, 30, 50);
    const [finding, ...rest] = sawtoothOf(makeRun("sorted", [makeSeries("loss", steps, "step"), makeSeries("val_loss", val, "epoch")]));
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe("warning");
    expect(finding?.evidence).toMatchObject({ period: 50, cycles: 30 });
    expect(finding?.evidence.explained as number).toBeGreaterThan(0.4);
    const e = finding?.evidence as { amplitude: number; explained: number };
    expect(finding?.evidence.periodSearched).toBe(false);
    expect(finding?.message).toBe(DETECTOR_MESSAGES.epochSawtooth({ series: "loss", period: 50, cycles: 30, amplitude: e.amplitude, explained: e.explained, searched: false }));
  });

  test("Lightning-style logs: the epoch length comes from the validation step gap", () => {
    const { steps, val } = sortedEpochs(2, 20, 40);
    const valSeries = { ...makeSeries("val_loss", val, "step"), steps: Float64Array.from(val, (_, e) => (e + 1) * 40 - 1) };
    const found = sawtoothOf(makeRun("lightning", [makeSeries("loss", steps, "step"), valSeries]));
    expect(found.map((f) => f.evidence.period)).toEqual([40]);
  });

  test("a learning rate that repeats every epoch (per-epoch cosine restarts) explains the pattern: no finding", () => {
    const { steps, val } = sortedEpochs(1, 30, 50);
    const series = [makeSeries("loss", steps, "step"), makeSeries("val_loss", val, "epoch")];
    const cyclic = Float64Array.from(steps, (_, i) => 0.05 * (1 + Math.cos((Math.PI * (i % 50)) / 50)) + 1e-4);
    expect(sawtoothOf(makeRun("cyclic-lr", [...series, makeSeries("lr", cyclic, "step", "learning-rate")]))).toEqual([]);
    const constant = new Float64Array(steps.length).fill(0.05);
    expect(sawtoothOf(makeRun("constant-lr", [...series, makeSeries("lr", constant, "step", "learning-rate")]))).toHaveLength(1);
  });

  test("running-mean logging (Keras per-batch logs: the mean since the epoch began) is a monotone ramp, not a sawtooth", () => {
    const epochs = 30;
    const perEpoch = 100;
    const raw = decayCurve({ seed: 3, points: epochs * perEpoch, start: 2.3, floor: 0.1, noise: 0.05, speed: 1 });
    const logged = new Float64Array(raw.length);
    let sum = 0;
    for (let i = 0; i < raw.length; i++) {
      sum = (i % perEpoch === 0 ? 0 : sum) + (raw[i] as number);
      logged[i] = sum / ((i % perEpoch) + 1);
    }
    const val = Float64Array.from({ length: epochs }, (_, e) => (logged[(e + 1) * perEpoch - 1] as number) * 1.1);
    const run = makeRun("running-mean", [makeSeries("loss", logged, "step"), makeSeries("val_loss", val, "epoch")]);
    expect(sawtoothOf(run)).toEqual([]);
    const permissive = detectFindings(run, { thresholds: { "epoch-sawtooth": { minProfileVariation: 1 } } }).filter((f) => f.id === "epoch-sawtooth");
    expect(permissive).toHaveLength(1);
  });

  test("a shuffled run (same trend and noise, no pattern) stays quiet", () => {
    const steps = decayCurve({ seed: 4, points: 1500, start: 2.3, floor: 1.2, noise: 0.15 });
    const val = decayCurve({ seed: 5, points: 30, start: 2.2, floor: 1.2 });
    expect(sawtoothOf(makeRun("shuffled", [makeSeries("loss", steps, "step"), makeSeries("val_loss", val, "epoch")]))).toEqual([]);
  });

  test("without an epoch length (a lone per-step log) the period is searched", () => {
    const found = sawtoothOf(makeRun("steps-only", [makeSeries("loss", fixedOrder(30, 50), "step")]));
    expect(found.map((f) => [f.evidence.period, f.evidence.periodSearched])).toEqual([[50, true]]);
    expect(found[0]?.message).toContain("for 30 cycles");
    // Identical class blocks (sortedEpochs: 10 blocks of 5 steps) repeat every block: the search finds the
    // block, whose profile is a monotone ramp — not reported (see minProfileVariation).
    const blocks = sortedEpochs(1, 30, 50).steps;
    expect(searchPeriod((i) => Math.log(blocks[i] as number), blocks.length, 4, 8)?.period).toBe(5);
    expect(sawtoothOf(makeRun("blocks", [makeSeries("loss", blocks, "step")]))).toEqual([]);
  });

  test("a searched period needs minSearchCycles; a lone healthy per-step log stays quiet", () => {
    expect(sawtoothOf(makeRun("six", [makeSeries("loss", fixedOrder(6, 50), "step")]))).toEqual([]);
    const healthy = decayCurve({ seed: 9, points: 3000, start: 2.3, floor: 0.1, noise: 0.15 });
    expect(sawtoothOf(makeRun("healthy", [makeSeries("loss", healthy, "step")]))).toEqual([]);
  });

  test("minCycles: 3 epochs are too few by default; the threshold can be overridden", () => {
    const short = sortedEpochs(3, 3, 50);
    expect(sawtoothOf(makeRun("three", [makeSeries("loss", short.steps, "step"), makeSeries("val_loss", short.val, "epoch")]))).toEqual([]);
    const { steps, val } = sortedEpochs(3, 8, 50);
    const run = makeRun("eight", [makeSeries("loss", steps, "step"), makeSeries("val_loss", val, "epoch")]);
    expect(sawtoothOf(run)).toHaveLength(1);
    expect(detectFindings(run, { thresholds: { "epoch-sawtooth": { minCycles: 9 } } }).filter((f) => f.id === "epoch-sawtooth")).toEqual([]);
  });
});

const describeIfShared =
  existsSync(SHARED) && torchRunsAvailable()
    ? describe
    : (name: string, _fn: () => void): void =>
        describe(name, () => test("skipped: ../shared/fixtures/torch-runs is absent", () => expect(torchRunsAvailable()).toBe(false)));

describeIfShared("epoch-sawtooth on ../shared/fixtures/torch-runs step logs", () => {
  const runs = (torchRunsAvailable() ? readTorchManifest().filter((e) => e.steps_path !== null) : []).map((e) => ({ e, run: loadTorchRun(e, true) }));

  test("with the epoch log: fires exactly on no_shuffle_sorted, at 45 steps per epoch", () => {
    const fired = runs.filter(({ run }) => sawtoothOf(run).length > 0).map(({ e }) => e.scenario);
    expect(fired).toEqual(["no_shuffle_sorted", "no_shuffle_sorted", "no_shuffle_sorted"]);
  });

  test("a lone steps.csv (period searched): the same three runs, period 45, and nothing else", () => {
    const results = runs.map(({ e, run }) => ({ e, found: sawtoothOf({ ...run, hparams: {}, series: run.series.filter((s) => s.tag.startsWith("step/")) }) }));
    const fired = results.filter((r) => r.found.length > 0);
    expect(fired.map((r) => r.e.scenario)).toEqual(["no_shuffle_sorted", "no_shuffle_sorted", "no_shuffle_sorted"]);
    for (const r of fired) expect(r.found[0]?.evidence).toMatchObject({ period: 45, periodSearched: true });
  });
});
