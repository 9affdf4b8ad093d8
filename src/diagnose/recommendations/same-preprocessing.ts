import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** same-preprocessing: one preprocessing function for train and validation; check the split for leaks. */
export const samePreprocessing: RecommendationBuilder = {
  id: "same-preprocessing",
  build(context) {
    return {
      id: "same-preprocessing", cause: context.cause.id, parameter: "validation preprocessing", current: null,
      proposed: "identical preprocessing; augmentation and dropout only in training",
      why: recMessages.samePreprocessing.why,
      expectedEffect: recMessages.samePreprocessing.effect,
      code: {
        keras: "def preprocess(x):\n    return (tf.cast(x, tf.float32) - mean) / std  # same mean/std for both splits\ntrain_ds = train_ds.map(lambda x, y: (augment(preprocess(x)), y))\nval_ds = val_ds.map(lambda x, y: (preprocess(x), y))",
        pytorch: "base = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])\ntrain_tf = transforms.Compose([transforms.RandomHorizontalFlip(), base])\nval_tf = base  # same normalisation, no augmentation",
      },
    };
  },
};
