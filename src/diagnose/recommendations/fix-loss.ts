import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** fix-loss: cross-entropy on raw logits (binary: BCE with logits), linear output layer. */
export const fixLoss: RecommendationBuilder = {
  id: "fix-loss",
  build(context) {
    const { loss, numClasses } = context.config;
    const binary = numClasses === 2 || (loss !== undefined && /binary|bce/.test(loss));
    return {
      id: "fix-loss", cause: context.cause.id, parameter: "loss", current: current(loss),
      proposed: binary ? "binary cross-entropy on logits" : "cross-entropy on logits (linear output layer)",
      why: recMessages.fixLoss.why(current(loss)),
      expectedEffect: recMessages.fixLoss.effect,
      code: binary
        ? {
            keras: "layers.Dense(1)  # no sigmoid\nmodel.compile(optimizer=optimizer, loss=keras.losses.BinaryCrossentropy(from_logits=True), metrics=[\"accuracy\"])",
            pytorch: "criterion = nn.BCEWithLogitsLoss()  # feed raw logits, no torch.sigmoid\nloss = criterion(model(x).squeeze(1), y.float())",
          }
        : {
            keras: "layers.Dense(num_classes)  # no softmax\nmodel.compile(optimizer=optimizer, loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=[\"accuracy\"])",
            pytorch: "criterion = nn.CrossEntropyLoss()  # raw logits: no softmax/log(softmax) before it\nloss = criterion(model(x), y)",
          },
    };
  },
};
