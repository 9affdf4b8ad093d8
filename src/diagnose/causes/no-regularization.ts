import { evidence } from "../cause-messages.js";
import { supportOverfitting } from "./helpers.js";
import type { CauseScorer } from "./types.js";

/** Evidence weights (log-odds). */
const W = { overfitting: 3.2, none: 1.0, dropout: 1.2, weightDecay: 1.2, earlyStopping: 0.5 } as const;

/** no-regularization: validation loss turns up while training loss keeps falling; config without dropout or weight decay. */
export const noRegularization: CauseScorer = {
  id: "no-regularization",
  assess(context, tally) {
    const overfit = supportOverfitting(context, tally, W.overfitting);
    if (overfit === undefined) return;
    const { dropout, weightDecay, earlyStopping } = context.config;
    if (dropout !== undefined && dropout > 0) tally.oppose(W.dropout, evidence.configValue("dropout", dropout));
    if (weightDecay !== undefined && weightDecay > 0) tally.oppose(W.weightDecay, evidence.configValue("weight_decay", weightDecay));
    if (dropout === 0 && (weightDecay ?? 0) === 0) tally.supportConfig(W.none, `${evidence.configValue("dropout", 0)}, ${evidence.configValue("weight_decay", weightDecay ?? 0)}`);
    if (earlyStopping === true) tally.oppose(W.earlyStopping, evidence.configValue("early_stopping", true));
  },
};
