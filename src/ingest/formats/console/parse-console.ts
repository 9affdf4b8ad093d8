import type { Issue } from "../../../domain/issue.js";
import type { Framework, LogFormat } from "../../../domain/run.js";
import { classifyTag } from "../../roles.js";
import { ingestIssue } from "../../messages.js";
import { forEachLine } from "../../text/lines.js";
import { parseNumber } from "../../text/numbers.js";
import type { IngestLimits, IngestResult, InputFile } from "../../types.js";
import { fileRun, finishRun } from "../finish-run.js";
import { ANSI, COUNTER, COUNTER_KEYS, HF_SUMMARY_KEY, IGNORED_KEYS, KERAS_CALLBACK, KERAS_EPOCH_HEADER, KERAS_METRIC_LINE, METRIC_AT_COUNTER, MM_EPOCH_ITER, PAIR, SPACED_PAIR, TORCH_EPOCH_BATCH } from "./line-patterns.js";
import { type LineCounters } from "./step-tracker.js";
import { newConsoleState, type Clues, type ConsoleState } from "./console-state.js";
import { readCallback } from "./read-callback.js";
import { readTable } from "./read-table.js";

/** Longest `\r`-separated segment that is scanned; longer ones are skipped (and counted). */
export const MAX_SEGMENT_CHARS = 10_000;

/** PyTorch print idioms: `tensor(`, `Epoch [3/10]`, `epoch 3, loss ...`. */
const TORCH_CLUE = /tensor\(|Epoch \[|^\s*epoch\s+\d+\s*,/;

/** Lightning's progress bar: `Epoch 3: 100%|...| 938/938 [..., v_num=0, train_loss=...]`. */
const LIGHTNING_CLUE = /\bv_num=|^\s*Epoch \d+:\s+\d+%\|/;

/**
 * Reads console output as people paste it: Keras progress logs, PyTorch prints, Hugging Face
 * Trainer dict lines and any `name: value` / `name=value` log with an epoch/step/iteration counter.
 * `\r` progress updates and ANSI codes are handled. Never invents series: free text gives a
 * `no-metrics-found` issue. Never throws.
 */
export function parseConsole(file: InputFile, limits: IngestLimits): IngestResult {
  // "purge": a value logged again at the same step (progress-bar refreshes) replaces the earlier one;
  // a step going back (a restarted run in the same log) drops the later points, as TensorBoard does.
  const options = { maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "purge" as const, file: file.path };
  const state = newConsoleState(options);
  const issues: Issue[] = [];
  const replaced = forEachLine(file.data, (line) => readLine(state, line));
  flushPending(state);
  if (replaced) issues.push(ingestIssue("decode-error", { file: file.path }));
  if (state.longSegments > 0) issues.push(ingestIssue("line-too-long", { file: file.path }, String(state.longSegments)));
  let built = state.main.build();
  if (built.series.length === 0) {
    built = state.loose.build();
    if (built.series.length > 0) issues.push(ingestIssue("no-step-field", { file: file.path }));
  }
  issues.push(...built.issues);
  if (built.series.length === 0) return { runs: [], issues: [...issues, ingestIssue("no-metrics-found", { file: file.path }, "text log")] };
  const { format, framework } = flavour(state.clues);
  const finished = finishRun(fileRun(file.path, format, framework, built.series, state.hparams));
  return { runs: [finished.run], issues: [...issues, ...finished.issues] };
}

function flavour(clues: Clues): { format: LogFormat; framework: Framework } {
  if (clues.kerasHeaders > 0) return { format: "keras-console", framework: "keras" };
  if (clues.lightning > 0) return { format: "pytorch-console", framework: "lightning" };
  if (clues.hfDicts > 0) return { format: "hf-console", framework: "huggingface" };
  if (clues.torch > 0) return { format: "pytorch-console", framework: "pytorch" };
  return { format: "text", framework: "unknown" };
}

function readLine(state: ConsoleState, rawLine: string): void {
  const line = rawLine.includes("\u001b") ? rawLine.replace(ANSI, "") : rawLine;
  for (const segment of line.split("\r")) {
    if (segment.trim() === "") continue;
    if (segment.length > MAX_SEGMENT_CHARS) {
      state.longSegments++;
      continue;
    }
    readSegment(state, segment);
  }
}

function readSegment(state: ConsoleState, segment: string): void {
  const header = KERAS_EPOCH_HEADER.exec(segment);
  if (header) {
    flushPending(state);
    state.kerasEpoch = Number(header[1]) - 1;
    state.hparams["epochs"] = Number(header[2]);
    state.clues.kerasHeaders++;
    return;
  }
  if (readTable(state, segment)) return;
  const callback = KERAS_CALLBACK.exec(segment);
  if (callback && readCallback(state, Number(callback[1]), callback[2] ?? "")) return;
  if (TORCH_CLUE.test(segment)) state.clues.torch++;
  if (LIGHTNING_CLUE.test(segment)) state.clues.lightning++;
  const torch = TORCH_EPOCH_BATCH.exec(segment);
  if (torch) {
    state.clues.torch++;
    return addPairs(state, torch[3] ?? "", { epoch: Number(torch[1]), batch: Number(torch[2]) });
  }
  const at = METRIC_AT_COUNTER.exec(segment);
  if (at) {
    const value = parseNumber(at[4] ?? "");
    const counters = counterOf((at[2] ?? "").toLowerCase(), Number(at[3]));
    const x = state.tracker.resolve(counters);
    if (value !== undefined && x) state.main.add(at[1] ?? "value", x.step, value, undefined, {}, x.unit);
    return;
  }
  if (/^\s*\{\s*'/.test(segment) || segment.includes("{'")) state.clues.hfDicts++;
  addPairs(state, segment, readCounters(segment));
}

function counterOf(name: string, value: number): LineCounters {
  if (name === "epoch") return { epoch: value };
  if (name === "batch") return { batch: value };
  return { step: value };
}

function readCounters(segment: string): LineCounters {
  const mm = MM_EPOCH_ITER.exec(segment);
  if (mm) return { epoch: Number(mm[2]), step: Number(mm[3]), stepTotal: Number(mm[4]) };
  const counters: LineCounters = {};
  for (const match of segment.matchAll(COUNTER)) {
    const name = (match[1] ?? "").toLowerCase();
    const value = Number(match[2]);
    const total = match[3] === undefined ? undefined : Number(match[3]);
    if (name === "epoch") counters.epoch ??= value;
    else if (name === "batch") counters.batch ??= value;
    else if (counters.step === undefined) {
      counters.step = value;
      if (total !== undefined && name === "step") counters.stepTotal = total;
    }
  }
  return counters;
}

/** Metric pairs of a segment; explicit `name: value` first, `name value` for known metric names. */
function extractPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const match of text.matchAll(PAIR)) addPair(pairs, match[1], match[2], false);
  if (pairs.size === 0) for (const match of text.matchAll(SPACED_PAIR)) addPair(pairs, match[1], match[2], true);
  return pairs;
}

function addPair(pairs: Map<string, number>, rawKey: string | undefined, raw: string | undefined, strict: boolean): void {
  if (rawKey === undefined || raw === undefined) return;
  const key = rawKey.replace(/\s+/g, "_");
  if (COUNTER_KEYS.test(key) || IGNORED_KEYS.test(key)) return;
  if (strict && classifyTag(key).role === "other") return;
  const value = parseNumber(raw);
  if (value !== undefined) pairs.set(key, value);
}

function addPairs(state: ConsoleState, text: string, counters: LineCounters): void {
  if (text.includes(HF_SUMMARY_KEY)) return readSummary(state, text);
  const pairs = extractPairs(text);
  if (pairs.size === 0) return;
  const x = state.tracker.resolve(counters);
  if (x) {
    for (const [key, value] of pairs) state.main.add(key, x.step, value, undefined, {}, x.unit);
    return;
  }
  if (state.kerasEpoch !== undefined && KERAS_METRIC_LINE.test(text)) {
    for (const [key, value] of pairs) state.pending.set(key, value);
    return;
  }
  for (const [key, value] of pairs) {
    const index = state.looseIndex.get(key) ?? 0;
    state.looseIndex.set(key, index + 1);
    state.loose.add(key, index, value);
  }
}

/** `{'train_runtime': 31.5, ..., 'train_loss': 0.91}`: the Trainer's final summary becomes `summary.*` hparams. */
function readSummary(state: ConsoleState, text: string): void {
  for (const match of text.matchAll(PAIR)) {
    const value = parseNumber(match[2] ?? "");
    if (match[1] !== undefined && value !== undefined && Number.isFinite(value)) state.hparams[`summary.${match[1]}`] = value;
  }
}

function flushPending(state: ConsoleState): void {
  if (state.kerasEpoch === undefined) return;
  for (const [key, value] of state.pending) state.main.add(key, state.kerasEpoch, value, undefined, {}, "epoch");
  state.pending.clear();
}
