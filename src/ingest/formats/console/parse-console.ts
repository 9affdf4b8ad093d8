import type { Issue } from "../../../domain/issue.js";
import type { Framework, HparamValue, LogFormat } from "../../../domain/run.js";
import { classifyTag } from "../../roles.js";
import { ingestIssue } from "../../messages.js";
import { SeriesBuilder } from "../../series-builder.js";
import { forEachLine } from "../../text/lines.js";
import { parseNumber } from "../../text/numbers.js";
import type { IngestLimits, IngestResult, InputFile } from "../../types.js";
import { finishRun, runName } from "../finish-run.js";
import { ANSI, COUNTER, COUNTER_KEYS, EARLY_STOPPING, HF_SUMMARY_KEY, IGNORED_KEYS, KERAS_CALLBACK, KERAS_EPOCH_HEADER, KERAS_METRIC_LINE, METRIC_AT_COUNTER, PAIR, REDUCE_LR, SPACED_PAIR, TORCH_EPOCH_BATCH } from "./line-patterns.js";
import { StepTracker, type LineCounters } from "./step-tracker.js";

/** Longest `\r`-separated segment that is scanned; longer ones are skipped (and counted). */
export const MAX_SEGMENT_CHARS = 10_000;

/** PyTorch print idioms: `tensor(`, `Epoch [3/10]`, `epoch 3, loss ...`. */
const TORCH_CLUE = /tensor\(|Epoch \[|^\s*epoch\s+\d+\s*,/;

/** Clues that name the log's flavour. */
interface Clues {
  kerasHeaders: number;
  hfDicts: number;
  torch: number;
}

interface ConsoleState {
  main: SeriesBuilder;
  /** Points from lines with no step context at all (used only when nothing else is found). */
  loose: SeriesBuilder;
  looseIndex: Map<string, number>;
  tracker: StepTracker;
  /** Keras: 0-based epoch from the last `Epoch N/M` header. */
  kerasEpoch: number | undefined;
  pending: Map<string, number>;
  hparams: Record<string, HparamValue>;
  clues: Clues;
  longSegments: number;
}

/**
 * Reads console output as people paste it: Keras progress logs, PyTorch prints, Hugging Face
 * Trainer dict lines and any `name: value` / `name=value` log with an epoch/step/iteration counter.
 * `\r` progress updates and ANSI codes are handled. Never invents series: free text gives a
 * `no-metrics-found` issue. Never throws.
 */
export function parseConsole(file: InputFile, limits: IngestLimits): IngestResult {
  const options = { maxPointsPerSeries: limits.maxPointsPerSeries, restartPolicy: "sort" as const, file: file.path };
  const state: ConsoleState = {
    main: new SeriesBuilder(options),
    loose: new SeriesBuilder(options),
    looseIndex: new Map(),
    tracker: new StepTracker(),
    kerasEpoch: undefined,
    pending: new Map(),
    hparams: {},
    clues: { kerasHeaders: 0, hfDicts: 0, torch: 0 },
    longSegments: 0,
  };
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
  const finished = finishRun({ name: runName(file.path), source: { path: file.path, format, files: [file.path] }, framework, series: built.series, hparams: state.hparams });
  return { runs: [finished.run], issues: [...issues, ...finished.issues] };
}

function flavour(clues: Clues): { format: LogFormat; framework: Framework } {
  if (clues.kerasHeaders > 0) return { format: "keras-console", framework: "keras" };
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
  const callback = KERAS_CALLBACK.exec(segment);
  if (callback) return readCallback(state, Number(callback[1]), callback[2] ?? "");
  if (TORCH_CLUE.test(segment)) state.clues.torch++;
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

function readCallback(state: ConsoleState, epoch: number, text: string): void {
  const reduced = REDUCE_LR.exec(text);
  if (reduced) {
    const value = parseNumber(reduced[1] ?? "");
    if (value !== undefined) state.main.add("ReduceLROnPlateau/lr", epoch, value, undefined, {}, "epoch");
    state.hparams["callbacks.ReduceLROnPlateau"] = true;
  } else if (EARLY_STOPPING.test(text)) {
    state.hparams["stopped_epoch"] = epoch;
    state.hparams["callbacks.EarlyStopping"] = true;
  }
}

function readCounters(segment: string): LineCounters {
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

function addPair(pairs: Map<string, number>, key: string | undefined, raw: string | undefined, strict: boolean): void {
  if (key === undefined || raw === undefined) return;
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
