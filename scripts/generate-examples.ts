/**
 * Writes the small synthetic example logs under examples/ (Keras CSVLogger format) and their labels
 * (examples/labels.json, used by bench/eval-causes.ts). Seeded: re-running gives identical files.
 * Usage: tsx scripts/generate-examples.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../src/domain/random.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../examples");
const CHANCE = Math.log(10);

/** Deterministic pseudo-random numbers for synthetic curves. */
const rng = mulberry32;


interface Row { loss: number; accuracy: number; valLoss: number; valAccuracy: number }

function num(v: number, digits: number): string {
  return Number.isNaN(v) ? "nan" : v.toPrecision(digits);
}

function csv(rows: Row[]): string {
  const lines = ["epoch,accuracy,loss,val_accuracy,val_loss"];
  rows.forEach((r, i) => lines.push([i, num(r.accuracy, 4), num(r.loss, 6), num(r.valAccuracy, 4), num(r.valLoss, 6)].join(",")));
  return `${lines.join("\n")}\n`;
}

function healthy(epochs: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = 0.05 + 1.6 * Math.exp(-e / 5) * (1 + 0.03 * (r() - 0.5));
    const valLoss = 0.09 + 1.5 * Math.exp(-e / 5) * (1 + 0.04 * (r() - 0.5));
    return { loss, accuracy: 1 - loss / 2.2, valLoss, valAccuracy: 1 - valLoss / 2.1 };
  });
}

function lrTooHigh(epochs: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = e === 0 ? 612.4 : CHANCE + 0.02 * (r() - 0.3);
    const valLoss = CHANCE + 0.015 * (r() - 0.3);
    return { loss, accuracy: 0.1 + 0.01 * (r() - 0.5), valLoss, valAccuracy: 0.1 + 0.01 * (r() - 0.5) };
  });
}

function overfitting(epochs: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = 0.005 + 2.0 * Math.exp(-e / 6) * (1 + 0.03 * (r() - 0.5));
    const valLoss = 0.35 + 1.8 * Math.exp(-e / 4) + 0.025 * Math.max(0, e - 12) + 0.01 * (r() - 0.5);
    return { loss, accuracy: Math.min(1, 1 - loss / 2.4), valLoss, valAccuracy: 0.9 - 0.002 * Math.max(0, e - 12) };
  });
}

function stepCsv(values: number[]): string {
  return `${["step,loss", ...values.map((v, i) => `${i},${Number.isNaN(v) ? "nan" : v.toPrecision(6)}`)].join("\n")}\n`;
}

function tinyBatch(steps: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: steps }, (_, i) => {
    const trend = 0.15 + 2.1 * Math.exp(-i / (steps / 5));
    const spike = r() < 0.02 ? 8 + 20 * r() : 1;
    return trend * Math.exp(0.8 * (r() - 0.5)) * spike;
  });
}

function lateNan(epochs: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = e >= 12 ? Number.NaN : 0.02 + 0.5 * Math.exp(-e / 3) * (1 + 0.05 * (r() - 0.5));
    const valLoss = e >= 12 ? Number.NaN : 0.08 + 0.4 * Math.exp(-e / 3);
    return { loss, accuracy: e >= 12 ? 0.1 : 0.99 - loss, valLoss, valAccuracy: e >= 12 ? 0.1 : 0.97 - valLoss / 2 };
  });
}

function stuckAtChance(epochs: number, seed: number): Row[] {
  const r = rng(seed);
  return Array.from({ length: epochs }, (_, e) => {
    const loss = CHANCE + 0.03 * Math.exp(-e / 8) + 0.002 * (r() - 0.5);
    return { loss, accuracy: 0.1 + 0.01 * (r() - 0.5), valLoss: loss + 0.003 * (r() - 0.5), valAccuracy: 0.1 + 0.01 * (r() - 0.5) };
  });
}

interface Example { dir: string; file?: string; text: string; causes: string[]; hparams: Record<string, string | number | boolean> }

const EXAMPLES: Example[] = [
  { dir: "healthy", text: csv(healthy(30, 1)), causes: [], hparams: { optimizer: "adam", lr: 0.001, batch_size: 32 } },
  { dir: "lr-too-high", text: csv(lrTooHigh(30, 2)), causes: ["lr-too-high"], hparams: { optimizer: "adam", lr: 1.0, batch_size: 32 } },
  { dir: "overfitting", text: csv(overfitting(60, 3)), causes: ["no-regularization", "too-little-data", "model-too-large"], hparams: { optimizer: "adam", lr: 0.001, dropout: 0, weight_decay: 0 } },
  { dir: "batch-too-small", file: "steps.csv", text: stepCsv(tinyBatch(2000, 4)), causes: ["batch-too-small"], hparams: { optimizer: "adam", lr: 0.001, batch_size: 1 } },
  { dir: "nan-loss", text: csv(lateNan(30, 5)), causes: ["loss-mismatch"], hparams: { optimizer: "adam", lr: 0.005, batch_size: 32 } },
  { dir: "vanishing-gradients", text: csv(stuckAtChance(40, 6)), causes: ["vanishing-gradients"], hparams: { optimizer: "sgd", lr: 0.01, momentum: 0.9, activation: "sigmoid", model: "mlp64x64x64x64x64x64x64x64", batchnorm: false } },
];

for (const ex of EXAMPLES) {
  const path = join(root, ex.dir, ex.file ?? "metrics.csv");
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, ex.text);
}
const labels = EXAMPLES.map((ex) => ({ path: `${ex.dir}/${ex.file ?? "metrics.csv"}`, causes: ex.causes, hparams: ex.hparams }));
writeFileSync(join(root, "labels.json"), `${JSON.stringify(labels, null, 2)}\n`);
console.log(`wrote ${EXAMPLES.length} examples to ${root}`);
