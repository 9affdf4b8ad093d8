import type { ExperimentPlan } from "../plan/experiment.schema.js";
import { runExperiment, type ExperimentResult, type RunExperimentOptions } from "./run-experiment.js";

/** Runs one plan; injected so the queue is testable without training. */
export type ExperimentRunner = (plan: ExperimentPlan, options: RunExperimentOptions) => Promise<ExperimentResult>;

/**
 * The `local` execution mode: experiments run in this process, strictly one at a time (tfjs has one
 * global engine, and two concurrent trainings would only halve each other's speed). Callers get a
 * promise per experiment; `pending` says how many are waiting, for an "in progress" status.
 */
export class LocalReproQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly run: ExperimentRunner = runExperiment) {}

  get pending(): number {
    return this.waiting;
  }

  enqueue(plan: ExperimentPlan, options: RunExperimentOptions = {}): Promise<ExperimentResult> {
    this.waiting += 1;
    const next = this.tail.then(
      () => this.run(plan, options),
      () => this.run(plan, options),
    );
    this.tail = next.finally(() => {
      this.waiting -= 1;
    });
    return next;
  }
}
