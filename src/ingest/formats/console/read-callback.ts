import { parseNumber } from "../../text/numbers.js";
import type { ConsoleState } from "./console-state.js";
import { EARLY_STOPPING, REDUCE_LR } from "./line-patterns.js";

/**
 * Keras callback lines (`Epoch 5: ReduceLROnPlateau ...`, `Epoch 12: early stopping`). Returns false
 * for other `Epoch N: ...` lines, which are then read as metric lines (Lightning progress bars:
 * `Epoch 3: 100%|...| 938/938 [..., train_loss=0.123]`).
 */
export function readCallback(state: ConsoleState, epoch: number, text: string): boolean {
  const reduced = REDUCE_LR.exec(text);
  if (reduced) {
    const value = parseNumber(reduced[1] ?? "");
    if (value !== undefined) state.main.add("ReduceLROnPlateau/lr", epoch, value, undefined, {}, "epoch");
    state.hparams["callbacks.ReduceLROnPlateau"] = true;
    return true;
  }
  if (EARLY_STOPPING.test(text)) {
    state.hparams["stopped_epoch"] = epoch;
    state.hparams["callbacks.EarlyStopping"] = true;
    return true;
  }
  return !/[:=]\s*[-+.\d]/.test(text) || /improved|did not improve|saving model/i.test(text);
}

