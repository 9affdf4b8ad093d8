import { evidence } from "../cause-messages.js";
import { num } from "./helpers.js";
import { strongest } from "./signals.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { lrRestartAtJump: 3.5 } as const;

/**
 * restart-without-state: a `loss-jump` at the very step where a decaying learning rate went back up.
 * The schedule started over, which is what resuming from a checkpoint without the scheduler's (and
 * the optimizer's) state does. Reset Adam moments make the first updates far too large.
 */
export const restartWithoutState: CauseScorer = {
  id: "restart-without-state",
  assess(context, tally) {
    const jump = strongest(context.findings, "loss-jump");
    const from = num(jump, "lrRestartFrom");
    const to = num(jump, "lrRestartTo");
    if (jump !== undefined && from !== undefined && to !== undefined) tally.support(W.lrRestartAtJump, evidence.lrRestart(from, to, jump.fromStep));
  },
};
