import { tf } from "./tf.js";

/**
 * Dropout whose masks are reproducible: tfjs' Dropout either draws from Math.random (no seed) or
 * reuses one mask forever (fixed seed). This layer advances its seed on every training call, so a
 * run is deterministic and still sees a fresh mask per step.
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = "SeededDropout";
  private calls = 0;

  constructor(
    private readonly rate: number,
    private readonly seed: number,
  ) {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (kwargs["training"] !== true || this.rate === 0) return tf.clone(x);
    this.calls += 1;
    return tf.dropout(x, this.rate, undefined, this.seed + this.calls);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
