import type { ExperimentPlanInput } from "./experiment.schema.js";

/**
 * The anti-patterns of the seed articles as ready-made plans (baseline = the anti-pattern, one arm =
 * the fix), plus a healthy baseline. Used by the acceptance tests, `npm run bench:repro` and the docs.
 * Sizes are tiny on purpose: each run takes well under a second on the cpu backend.
 */
const mlp = (inputDim: number, hidden: number[], classes: number, activation: "relu" | "sigmoid" = "relu"): ExperimentPlanInput["model"] => ({
  kind: "layers",
  inputShape: [inputDim],
  layers: [...hidden.map((units) => ({ type: "dense" as const, units, activation })), { type: "dense" as const, units: classes, activation: "softmax" as const }],
});

const data = (inputDim: number, classes: number, extra: Record<string, number | string> = {}): ExperimentPlanInput["data"] => ({
  kind: "synthetic",
  inputShape: [inputDim],
  numClasses: classes,
  trainSize: 256,
  valSize: 128,
  ...extra,
});

export const SCENARIOS = {
  /** Adam at lr 1.0 diverges; lr 1e-3 trains. */
  "lr-too-high": {
    name: "Adam lr 1.0 vs 1e-3",
    model: mlp(16, [32, 32], 4),
    data: data(16, 4),
    training: { optimizer: "adam", lr: 1.0, batchSize: 32, epochs: 8 },
    arms: [
      { id: "baseline", description: "Adam, lr 1.0" },
      { id: "lr-1e-3", description: "lr 1.0 → 1e-3", cause: "lr-too-high", metric: "final-loss", changes: { training: { lr: 1e-3 } } },
    ],
  },
  /** Batch size 1 makes every step's loss jump; batch 32 is smooth. */
  "batch-too-small": {
    name: "batch 1 vs 32",
    model: mlp(16, [32], 4),
    data: data(16, 4, { trainSize: 96, valSize: 64 }),
    training: { optimizer: "adam", lr: 1e-3, batchSize: 1, epochs: 3 },
    arms: [
      { id: "baseline", description: "batch size 1" },
      { id: "batch-32", description: "batch size 1 → 32", cause: "batch-too-small", metric: "step-noise", changes: { training: { batchSize: 32 } } },
    ],
  },
  /** Raw 0..255 inputs saturate the network; scaling to [0, 1] trains. */
  "unnormalized-inputs": {
    name: "raw 0..255 inputs vs scaled",
    model: mlp(64, [32, 32], 4),
    data: data(64, 4, { scale: "raw-0-255" }),
    training: { optimizer: "sgd", lr: 0.01, batchSize: 32, epochs: 8 },
    arms: [
      { id: "baseline", description: "raw 0..255 inputs" },
      { id: "normalize-inputs", description: "inputs scaled to [0, 1]", cause: "unnormalized-inputs", metric: "final-loss", changes: { data: { scale: "unit" } } },
    ],
  },
  /** A wide net memorises 32 noisy samples (validation loss climbs); L2 + dropout keeps validation loss down. */
  "no-regularization": {
    name: "no regularization on a tiny dataset vs L2+dropout",
    model: mlp(32, [128, 128], 4),
    data: data(32, 4, { trainSize: 32, valSize: 128, noise: 2.5, labelNoise: 0.25 }),
    training: { optimizer: "adam", lr: 1e-2, batchSize: 8, epochs: 25 },
    arms: [
      { id: "baseline", description: "no regularization" },
      { id: "l2-dropout", description: "L2 1e-2 + Dropout 0.5", cause: "no-regularization", metric: "final-val-loss", changes: { training: { l2: 1e-2 }, model: { dropout: 0.5 } } },
    ],
  },
  /** Eight sigmoid layers without BatchNorm barely move; with BatchNorm they train. */
  "missing-batchnorm": {
    name: "deep sigmoid net without BatchNorm vs with",
    model: mlp(16, [32, 32, 32, 32, 32, 32, 32, 32], 4, "sigmoid"),
    data: data(16, 4),
    training: { optimizer: "sgd", lr: 0.1, batchSize: 32, epochs: 8 },
    arms: [
      { id: "baseline", description: "8 sigmoid layers, no BatchNorm" },
      { id: "add-batchnorm", description: "BatchNorm after every hidden layer", cause: "missing-batchnorm", metric: "final-loss", changes: { model: { addBatchNorm: true } } },
    ],
  },
  /** A healthy run: no change should be confirmed as a fix. */
  healthy: {
    name: "healthy baseline",
    model: mlp(16, [32, 32], 4),
    data: data(16, 4),
    training: { optimizer: "adam", lr: 1e-3, batchSize: 32, epochs: 8 },
    arms: [
      { id: "baseline", description: "Adam lr 1e-3, batch 32, scaled inputs" },
      { id: "lr-1e-4", description: "lr 1e-3 → 1e-4", cause: "lr-too-high", metric: "final-loss", changes: { training: { lr: 1e-4 } } },
      { id: "batch-64", description: "batch 32 → 64", cause: "batch-too-small", metric: "step-noise", changes: { training: { batchSize: 64 } } },
      { id: "l2-dropout", description: "L2 1e-2 + Dropout 0.5", cause: "no-regularization", metric: "final-val-loss", changes: { training: { l2: 1e-2 }, model: { dropout: 0.5 } } },
    ],
  },
} satisfies Record<string, ExperimentPlanInput>;

export type ScenarioId = keyof typeof SCENARIOS;
