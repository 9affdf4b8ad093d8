import type { Finding } from "../../domain/finding.js";
import type { TrainingRun } from "../../domain/run.js";
import type { TrainingConfig } from "../../domain/training-config.js";
import type { CurveSignals } from "./signals.js";

/** Everything a cause scorer may look at. */
export interface CauseContext {
  run: TrainingRun;
  config: TrainingConfig;
  findings: readonly Finding[];
  signals: CurveSignals;
}

/**
 * Accumulates evidence as log-odds: each `support` adds its weight, each `oppose` subtracts it, and
 * every piece of evidence keeps a sentence with the numbers behind it.
 */
export class Tally {
  logit = 0;
  /** Weight of the supporting evidence that comes from configuration facts rather than curves. */
  configWeight = 0;
  /** Weight of the supporting evidence that comes from the curves. */
  curveWeight = 0;
  private readonly supporting: { weight: number; text: string }[] = [];
  private readonly opposing: { weight: number; text: string }[] = [];

  /** Evidence from the curves (findings, signals). */
  support(weight: number, text: string): void {
    this.logit += weight;
    this.curveWeight += weight;
    this.supporting.push({ weight, text });
  }

  /** Evidence from configuration facts (lr, batch size, flags, model description). */
  supportConfig(weight: number, text: string): void {
    this.logit += weight;
    this.configWeight += weight;
    this.supporting.push({ weight, text });
  }

  oppose(weight: number, text: string): void {
    this.logit -= weight;
    this.opposing.push({ weight, text });
  }

  /** Supporting evidence, strongest first. */
  get for(): string[] {
    return byWeight(this.supporting);
  }

  /** Opposing evidence, strongest first. */
  get against(): string[] {
    return byWeight(this.opposing);
  }
}

function byWeight(entries: readonly { weight: number; text: string }[]): string[] {
  return [...entries].sort((a, b) => b.weight - a.weight).map((e) => e.text);
}

/** One root-cause hypothesis: a stable kebab-case id and a function that weighs the evidence. */
export interface CauseScorer {
  id: string;
  assess(context: CauseContext, tally: Tally): void;
}
