/** User-facing sentences of the planner (assumptions it had to make, changes it could not apply). */
export const planMessages = {
  assumedHighLr: (lr: number): string => `lr ${lr} (the suspected too-high learning rate; pass --hparam lr=… to use yours)`,
  assumedLowLr: (lr: number): string => `lr ${lr} (the suspected too-low learning rate; pass --hparam lr=… to use yours)`,
  assumedTinyBatch: (batch: number): string => `batch size ${batch} (the suspected too-small batch; pass --hparam batch_size=… to use yours)`,
  assumedDeepSigmoid: (layers: number): string => `a deep sigmoid MLP (${layers} layers), where missing BatchNorm shows`,
  assumedRawInputs: (): string => "raw 0..255 inputs (the suspected unnormalised inputs; pass --hparam normalized_inputs=true if yours are scaled)",
  assumedTinyData: (samples: number): string => `${samples} noisy training samples, where a model can memorise`,
  kerasJsonUnchanged: (arm: string): string => `arm ${arm}: model changes need a layer-list model; the Keras JSON model was used unchanged`,
};
