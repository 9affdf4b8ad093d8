import type { Schedule } from "../plan/experiment.schema.js";

/**
 * Learning-rate schedules for tfjs, which ships only `earlyStopping`. `reduce-on-plateau` follows
 * Keras' ReduceLROnPlateau: after `patience` epochs without an improvement larger than `minDelta`
 * on `monitor`, lr ← max(lr · factor, minLr), then `cooldown` epochs of rest. Pure state machine.
 */
export interface LrSchedule {
  /** Called after each epoch with its logs; returns the lr for the next epoch. */
  next(epoch: number, logs: { loss: number; val_loss?: number }): number;
}

function constant(lr: number): LrSchedule {
  return { next: () => lr };
}

function step(lr0: number, everyEpochs: number, factor: number): LrSchedule {
  return { next: (epoch) => lr0 * factor ** Math.floor((epoch + 1) / everyEpochs) };
}

function reduceOnPlateau(lr0: number, s: Extract<Schedule, { kind: "reduce-on-plateau" }>): LrSchedule {
  let lr = lr0;
  let best = Infinity;
  let wait = 0;
  let cooldown = 0;
  return {
    next: (_epoch, logs) => {
      const value = s.monitor === "val_loss" ? (logs.val_loss ?? logs.loss) : logs.loss;
      if (cooldown > 0) {
        cooldown -= 1;
        wait = 0;
      }
      if (Number.isFinite(value) && value < best - s.minDelta) {
        best = value;
        wait = 0;
      } else if (cooldown === 0) {
        wait += 1;
        if (wait >= s.patience) {
          lr = Math.max(lr * s.factor, s.minLr);
          cooldown = s.cooldown;
          wait = 0;
        }
      }
      return lr;
    },
  };
}

export function createLrSchedule(schedule: Schedule, lr0: number): LrSchedule {
  switch (schedule.kind) {
    case "constant":
      return constant(lr0);
    case "step":
      return step(lr0, schedule.everyEpochs, schedule.factor);
    case "reduce-on-plateau":
      return reduceOnPlateau(lr0, schedule);
  }
}
