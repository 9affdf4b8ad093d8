import { evidence } from "../cause-messages.js";
import { supportFinding } from "./helpers.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { plateau: 1.3, oscillation: 0.7, noisy: 0.4, slow: 0.4, scheduled: 3.0, configNone: 0.8 } as const;

/** no-lr-schedule: a plateau away from chance, or late bouncing, with a constant learning rate. */
export const noLrSchedule: CauseScorer = {
  id: "no-lr-schedule",
  assess(context, tally) {
    const s = context.signals;
    if (s.lrVaries) tally.oppose(W.scheduled, evidence.lrSchedulePresent());
    if (context.config.lrSchedule === true) tally.oppose(W.scheduled, evidence.scheduleConfigured());
    if (!s.atChance) supportFinding(context, tally, "plateau", W.plateau);
    supportFinding(context, tally, "oscillation", W.oscillation);
    supportFinding(context, tally, "noisy", W.noisy);
    supportFinding(context, tally, "slow-convergence", W.slow);
    if (context.config.lrSchedule === false && tally.for.length > 0) tally.supportConfig(W.configNone, evidence.configValue("lr_schedule", false));
  },
};
