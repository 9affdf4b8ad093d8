import { describe, expect, test } from "@jest/globals";
import { selectBackend } from "../../../src/repro/runner/select-backend.js";
import { tf } from "../../../src/repro/runner/tf.js";

/** tfjs training under a loaded 2-core machine can take tens of seconds; jest's default is 5 s. */
const TFJS_TIMEOUT_MS = 180_000;

/** Deterministic pseudo-random values without Math.random. */
const values = (n: number, k: number): number[] => Array.from({ length: n }, (_, i) => Math.sin(i * k + 0.1) * 0.8);

interface Case {
  name: string;
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number;
  pad: "same" | "valid";
}

const CASES: Case[] = [
  { name: "3×3 stride 1 same", x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same" },
  { name: "3×3 stride 2 valid", x: [2, 9, 9, 2], filter: [3, 3, 2, 5], strides: 2, pad: "valid" },
  { name: "2×4 stride 2 same (uneven padding)", x: [1, 8, 6, 1], filter: [2, 4, 1, 3], strides: 2, pad: "same" },
];

async function gradients(backend: "cpu" | "wasm", c: Case): Promise<{ dx: Float32Array; dw: Float32Array }> {
  await selectBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.x.reduce((a, b) => a * b), 0.37), c.x);
    const w = tf.tensor4d(values(c.filter.reduce((a, b) => a * b), 0.21), c.filter);
    const f = (a: tf.Tensor, b: tf.Tensor): tf.Tensor => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad)));
    const [dx, dw] = tf.grads(f)([x, w]);
    return { dx: dx!.dataSync() as Float32Array, dw: dw!.dataSync() as Float32Array };
  });
}

function maxRelativeError(a: Float32Array, b: Float32Array): number {
  const scale = Math.max(...Array.from(a, Math.abs));
  return Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!) / scale), 0);
}

describe("wasm Conv2DBackpropFilter kernel", () => {
  test("selectBackend('wasm') registers the kernel the wasm backend lacks", async () => {
    const selection = await selectBackend("wasm");
    expect(selection).toEqual({ backend: "wasm", tfBackend: "wasm", skipped: [] });
    expect(tf.getKernel("Conv2DBackpropFilter", "wasm")).toBeDefined();
  }, TFJS_TIMEOUT_MS);

  test.each(CASES)("conv2d gradients on wasm agree with cpu: $name", async (c) => {
    const cpu = await gradients("cpu", c);
    const wasm = await gradients("wasm", c);
    expect(wasm.dw.length).toBe(c.filter.reduce((a, b) => a * b));
    expect(maxRelativeError(cpu.dw, wasm.dw)).toBeLessThan(1e-5);
    expect(maxRelativeError(cpu.dx, wasm.dx)).toBeLessThan(1e-5);
  }, TFJS_TIMEOUT_MS);

  test("a Conv2D model trains on wasm, matches cpu's loss and leaks no tensors", async () => {
    const lossOn = async (backend: "cpu" | "wasm"): Promise<number[]> => {
      await selectBackend(backend);
      const before = tf.memory().numTensors;
      const model = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 4, kernelSize: 3, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 2, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
        ],
      });
      const optimizer = tf.train.sgd(0.1);
      model.compile({ optimizer, loss: "categoricalCrossentropy" });
      const xs = tf.tensor4d(values(8 * 36, 0.5), [8, 6, 6, 1]);
      const ys = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 0, 1, 1, 0, 1, 0], "int32"), 2));
      const history = await model.fit(xs, ys, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
      tf.dispose([xs, ys]);
      model.dispose();
      optimizer.dispose();
      expect(tf.memory().numTensors).toBe(before);
      return history.history["loss"]!.map(Number);
    };
    const cpu = await lossOn("cpu");
    const wasm = await lossOn("wasm");
    expect(cpu[2]!).toBeLessThan(cpu[0]!);
    wasm.forEach((v, i) => expect(v).toBeCloseTo(cpu[i]!, 4));
  }, TFJS_TIMEOUT_MS);
});
