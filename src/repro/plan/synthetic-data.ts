import { createRng, subSeed } from "./rng.js";

/** A classification dataset as flat arrays (pure data; the runner turns it into tensors). */
export interface Dataset {
  inputShape: number[];
  numClasses: number;
  xTrain: Float32Array;
  yTrain: Int32Array;
  xVal: Float32Array;
  yVal: Int32Array;
}

export interface SyntheticOptions {
  inputShape: number[];
  numClasses: number;
  trainSize: number;
  valSize: number;
  scale: "unit" | "raw-0-255";
  noise: number;
  labelNoise: number;
}

/** Spread of class prototypes relative to the per-sample noise. */
const PROTOTYPE_SPREAD = 1;
/** Raw pixel range reproduced by `scale: "raw-0-255"`. */
const RAW_MAX = 255;

/**
 * Seeded synthetic classification matched to the user's input shape: each class has a Gaussian
 * prototype, samples add Gaussian noise, and values are squashed to [0, 1] (`unit`) or stretched to
 * [0, 255] (`raw-0-255`, the unnormalised-inputs anti-pattern). The same `seed` always yields the
 * same dataset; the validation set never has flipped labels.
 */
export function makeSyntheticDataset(options: SyntheticOptions, seed: number): Dataset {
  const rng = createRng(subSeed(seed, 1));
  const dim = options.inputShape.reduce((a, b) => a * b, 1);
  const prototypes = Float32Array.from({ length: options.numClasses * dim }, () => rng.normal() * PROTOTYPE_SPREAD);
  const sample = (count: number, flip: number): { x: Float32Array; y: Int32Array } => {
    const x = new Float32Array(count * dim);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const label = i % options.numClasses;
      for (let d = 0; d < dim; d++) {
        const z = prototypes[label * dim + d]! + rng.normal() * options.noise;
        const unit = 1 / (1 + Math.exp(-z));
        x[i * dim + d] = options.scale === "raw-0-255" ? Math.round(unit * RAW_MAX) : unit;
      }
      y[i] = rng.next() < flip ? rng.int(options.numClasses) : label;
    }
    return { x, y };
  };
  const train = sample(options.trainSize, options.labelNoise);
  const val = sample(options.valSize, 0);
  return { inputShape: options.inputShape, numClasses: options.numClasses, xTrain: train.x, yTrain: train.y, xVal: val.x, yVal: val.y };
}

/** Scales a dataset's inputs to [0, 1] by its training range (the `normalize-inputs` fix for file data). */
export function scaleToUnit(data: Dataset): Dataset {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data.xTrain) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max > min ? max - min : 1;
  const map = (xs: Float32Array): Float32Array => xs.map((v) => (v - min) / span);
  return { ...data, xTrain: map(data.xTrain), xVal: map(data.xVal) };
}
