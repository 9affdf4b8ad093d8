/**
 * Writes the small synthetic example logs under examples/ (Keras CSVLogger format) and their labels
 * (examples/labels.json, used by bench/eval-causes.ts). Seeded: re-running gives identical files.
 * Usage: tsx scripts/generate-examples.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../examples");
const CHANCE = Math.log(10);

/** mulberry32: a tiny deterministic RNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row { loss: number; accuracy: number; valLoss: number; valAccuracy: number }

function csv(rows: Row[]): string {
  const lines = ["epoch,accuracy,loss,val_accuracy,val_loss"];
  rows.forEach((r, i) => lines.push([i, r.accuracy.toFixed(4), r.loss.toPrecision(6), r.valAccuracy.toFixed(4), r.valLoss.toPrecision(6)].join(",")));
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

const EXAMPLES = [
  { dir: "healthy", rows: healthy(30, 1), causes: [], hparams: { optimizer: "adam", lr: 0.001, batch_size: 32 } },
  { dir: "lr-too-high", rows: lrTooHigh(30, 2), causes: ["lr-too-high"], hparams: { optimizer: "adam", lr: 1.0, batch_size: 32 } },
  { dir: "overfitting", rows: overfitting(60, 3), causes: ["no-regularization", "too-little-data", "model-too-large"], hparams: { optimizer: "adam", lr: 0.001, dropout: 0, weight_decay: 0 } },
];

for (const ex of EXAMPLES) {
  const path = join(root, ex.dir, "metrics.csv");
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, csv(ex.rows));
}
const labels = EXAMPLES.map((ex) => ({ path: `${ex.dir}/metrics.csv`, causes: ex.causes, hparams: ex.hparams }));
writeFileSync(join(root, "labels.json"), `${JSON.stringify(labels, null, 2)}\n`);
console.log(`wrote ${EXAMPLES.length} examples to ${root}`);
