import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** data-augmentation: more data, or random flips/crops/noise so each epoch sees new variants. */
export const dataAugmentation: RecommendationBuilder = {
  id: "data-augmentation",
  build(context) {
    const size = context.config.trainSize;
    return {
      id: "data-augmentation", cause: context.cause.id, parameter: "training data", current: current(size),
      proposed: "more samples or augmentation (random flip/crop/noise)",
      why: recMessages.augmentation.why(current(size)),
      expectedEffect: recMessages.augmentation.effect,
      code: {
        keras: "augment = keras.Sequential([layers.RandomFlip(\"horizontal\"), layers.RandomRotation(0.1), layers.RandomZoom(0.1)])\ninputs = keras.Input(shape=input_shape)\nx = augment(inputs)",
        pytorch: "from torchvision import transforms\ntrain_tf = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.RandomCrop(32, padding=4), transforms.ToTensor()])",
      },
    };
  },
};
