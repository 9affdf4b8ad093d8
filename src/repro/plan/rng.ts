import { mulberry32 } from "../../domain/random.js";

/** Mixed into the seed so experiment seeds 0, 1, 2 do not start from tiny states. */
const SEED_MIX = 0x9e3779b9;

/**
 * Seeded pseudo-random numbers (mulberry32): the same seed gives the same data, init and shuffles
 * on every machine. Not cryptographic; only for reproducible experiments.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  const next = mulberry32((seed >>> 0) ^ SEED_MIX);
  return {
    next,
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/** Derives independent sub-seeds (data, init, shuffle, dropout) from one run seed. */
export function subSeed(seed: number, stream: number): number {
  return (Math.imul(seed + 1, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) >>> 0;
}
