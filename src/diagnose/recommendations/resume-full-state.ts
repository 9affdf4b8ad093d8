import { recMessages } from "./messages.js";
import type { RecommendationBuilder } from "./types.js";

/**
 * resume-full-state: save and restore the optimizer, scheduler and step with the weights, and keep
 * the batch size and dataset of the run being resumed (they set the schedule's length).
 */
export const resumeFullState: RecommendationBuilder = {
  id: "resume-full-state",
  build(context) {
    return {
      id: "resume-full-state", cause: context.cause.id, parameter: "resume", current: "weights only", proposed: "weights + optimizer + scheduler + step",
      why: recMessages.resumeFullState.why,
      expectedEffect: recMessages.resumeFullState.effect,
      code: {
        keras: [
          "# model.save keeps the optimizer state; load_model restores it",
          "model.save(\"checkpoint.keras\")",
          "model = keras.models.load_model(\"checkpoint.keras\")",
          "model.fit(x_train, y_train, initial_epoch=last_epoch, epochs=total_epochs, ...)",
        ].join("\n"),
        pytorch: [
          "torch.save({\"model\": model.state_dict(), \"optimizer\": optimizer.state_dict(),",
          "            \"scheduler\": scheduler.state_dict(), \"step\": step}, \"checkpoint.pt\")",
          "state = torch.load(\"checkpoint.pt\")",
          "model.load_state_dict(state[\"model\"]); optimizer.load_state_dict(state[\"optimizer\"])",
          "scheduler.load_state_dict(state[\"scheduler\"]); step = state[\"step\"]",
          "# Hugging Face Trainer: trainer.train(resume_from_checkpoint=True), same batch size and dataset",
        ].join("\n"),
      },
    };
  },
};
