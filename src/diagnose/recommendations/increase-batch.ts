import { current, py } from "./helpers.js";
import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/** Batch size proposed for tiny batches. */
export const TARGET_BATCH = 32;
/** Batches already at or above TARGET_BATCH are multiplied by this. */
export const BATCH_FACTOR = 4;

/** increase-batch: batch 1 → 32 (or ×4 when already ≥ 32). */
export const increaseBatch: RecommendationBuilder = {
  id: "increase-batch",
  build(context) {
    const size = context.config.batchSize;
    const proposed = size === undefined || size < TARGET_BATCH ? TARGET_BATCH : size * BATCH_FACTOR;
    return {
      id: "increase-batch", cause: context.cause.id, parameter: "batch_size", current: current(size), proposed: py(proposed),
      why: recMessages.increaseBatch.why(current(size)),
      expectedEffect: recMessages.increaseBatch.effect,
      code: {
        keras: `model.fit(x_train, y_train, batch_size=${proposed}, epochs=epochs, validation_data=(x_val, y_val))`,
        pytorch: `train_loader = torch.utils.data.DataLoader(train_set, batch_size=${proposed}, shuffle=True)`,
      },
    };
  },
};
