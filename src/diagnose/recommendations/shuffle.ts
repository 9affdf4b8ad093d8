import { current } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** shuffle: reshuffle the training set every epoch. */
export const shuffle: RecommendationBuilder = {
  id: "shuffle",
  build(context) {
    if (context.config.shuffle === true) return null;
    return {
      id: "shuffle", cause: context.cause.id, parameter: "shuffle", current: current(context.config.shuffle), proposed: "true",
      why: recMessages.shuffle.why,
      expectedEffect: recMessages.shuffle.effect,
      code: {
        keras: "model.fit(x_train, y_train, shuffle=True, ...)\n# tf.data: dataset = dataset.shuffle(buffer_size=len(x_train), reshuffle_each_iteration=True)",
        pytorch: "train_loader = torch.utils.data.DataLoader(train_set, batch_size=batch_size, shuffle=True)",
      },
    };
  },
};
