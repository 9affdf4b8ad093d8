import type { HparamValue } from "../../../domain/run.js";
import { SeriesBuilder, type SeriesBuilderOptions } from "../../series-builder.js";
import { StepTracker } from "./step-tracker.js";

/** Clues that name the log's flavour. */
export interface Clues {
  lightning: number;
  kerasHeaders: number;
  hfDicts: number;
  torch: number;
}

/** Everything the console reader remembers between lines. */
export interface ConsoleState {
  main: SeriesBuilder;
  /** Points from lines with no step context at all (used only when nothing else is found). */
  loose: SeriesBuilder;
  looseIndex: Map<string, number>;
  tracker: StepTracker;
  /** Keras: 0-based epoch from the last `Epoch N/M` header. */
  kerasEpoch: number | undefined;
  pending: Map<string, number>;
  /** Column names of a whitespace-aligned results table (fastai), while inside one. */
  table: string[] | undefined;
  /** Added to table steps: each new table (fastai `fine_tune` stages) continues after the last. */
  tableOffset: number;
  tableLastStep: number;
  hparams: Record<string, HparamValue>;
  clues: Clues;
  longSegments: number;
}

/** Fresh state; both builders use the same options. */
export function newConsoleState(options: SeriesBuilderOptions): ConsoleState {
  return {
    main: new SeriesBuilder(options),
    loose: new SeriesBuilder(options),
    looseIndex: new Map(),
    tracker: new StepTracker(),
    kerasEpoch: undefined,
    pending: new Map(),
    table: undefined,
    tableOffset: 0,
    tableLastStep: Number.NaN,
    hparams: {},
    clues: { kerasHeaders: 0, hfDicts: 0, torch: 0, lightning: 0 },
    longSegments: 0,
  };
}
