import { parseNumber } from "../../text/numbers.js";
import type { ConsoleState } from "./console-state.js";
import { IGNORED_KEYS, TABLE_HEADER } from "./line-patterns.js";

/**
 * Whitespace-aligned results tables (fastai `learn.fit`): a header such as
 * `epoch  train_loss  valid_loss  accuracy  time`, then one row of numbers per epoch.
 */
export function readTable(state: ConsoleState, segment: string): boolean {
  if (TABLE_HEADER.test(segment)) {
    state.table = segment.trim().split(/\s+/);
    if (!Number.isNaN(state.tableLastStep)) state.tableOffset = state.tableLastStep + 1;
    return true;
  }
  const columns = state.table;
  if (columns === undefined) return false;
  const cells = segment.trim().split(/\s+/);
  const counter = parseNumber(cells[0] ?? "");
  if (cells.length !== columns.length || counter === undefined) {
    state.table = undefined;
    return false;
  }
  const step = state.tableOffset + counter;
  state.tableLastStep = step;
  const unit = (columns[0] ?? "").toLowerCase() === "epoch" ? "epoch" : "step";
  for (let i = 1; i < cells.length; i++) {
    const value = parseNumber(cells[i] ?? "");
    const key = columns[i] ?? "";
    if (value !== undefined && !IGNORED_KEYS.test(key)) state.main.add(key, step, value, undefined, {}, unit);
  }
  return true;
}

