/**
 * Turns the counters printed on a console line into one monotonic x value. Epoch-local counters
 * (`[2, 2000]`, `Step [100/600]`, `batch 5`) are made global by adding an offset at every reset.
 */
export interface LineCounters {
  epoch?: number;
  /** A global step (step, global_step, iter, iteration). */
  step?: number;
  /** Total steps per epoch when printed as `Step [100/600]`. */
  stepTotal?: number;
  /** An epoch-local counter (mini-batch). */
  batch?: number;
}

export class StepTracker {
  private firstEpoch: number | undefined;
  private offset = 0;
  private lastLocal = Number.NaN;
  private lastEpoch = Number.NaN;

  /** The x value and its unit, or undefined when the line has no counter. */
  resolve(counters: LineCounters): { step: number; unit: "step" | "epoch" } | undefined {
    const { epoch, step, stepTotal, batch } = counters;
    if (epoch !== undefined) this.firstEpoch ??= epoch;
    if (step !== undefined && stepTotal !== undefined && epoch !== undefined) {
      return { step: (epoch - (this.firstEpoch ?? epoch)) * stepTotal + step, unit: "step" };
    }
    if (step !== undefined && stepTotal === undefined) return { step, unit: "step" };
    const local = batch ?? step;
    if (local !== undefined) return { step: this.local(local, epoch), unit: "step" };
    if (epoch !== undefined) return { step: epoch, unit: "epoch" };
    return undefined;
  }

  private local(counter: number, epoch: number | undefined): number {
    const epochChanged = epoch !== undefined && !Number.isNaN(this.lastEpoch) && epoch !== this.lastEpoch;
    if (!Number.isNaN(this.lastLocal) && (counter < this.lastLocal || (epochChanged && counter <= this.lastLocal))) {
      this.offset += this.lastLocal;
    }
    this.lastLocal = counter;
    if (epoch !== undefined) this.lastEpoch = epoch;
    return this.offset + counter;
  }
}
