import { evidence } from "../cause-messages.js";
import { num, supportFinding } from "./helpers.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { valBelowTrain: 2.0, immediateOverfit: 0.8 } as const;
/** Validation loss that is best within this share of the run never improved: it does not see the same data. */
const IMMEDIATE = 0.05;

/** data-mismatch: validation behaves unlike training from the start (systematically below, or worse from step one). */
export const dataMismatch: CauseScorer = {
  id: "data-mismatch",
  assess(context, tally) {
    supportFinding(context, tally, "val-below-train", W.valBelowTrain);
    const overfit = context.findings.find((f) => f.id === "overfitting");
    const best = num(overfit, "bestStep");
    if (overfit !== undefined && best !== undefined && overfit.toStep > 0 && best / overfit.toStep <= IMMEDIATE) {
      tally.support(W.immediateOverfit, evidence.earlyOverfit(best / overfit.toStep));
    }
  },
};
