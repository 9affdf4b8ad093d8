/**
 * When the WebAssembly kernel is called, and for how many records: the rules that keep a read linear
 * in the file whatever its records are (ADR 0006). A kernel call whose blocks are cut at a declined
 * record throws away what it scanned after it, so the policy bounds that waste.
 */

/**
 * After a call whose blocks were cut, the next call may take at most twice the records that call
 * stored (never fewer than this); each call not cut doubles the allowance back up to `maxOutput`.
 * A tag whose every record is declined (past its point limit, tensors without the scalars plugin)
 * so costs a few records of wasted scanning per declined record, not a full call's worth.
 */
const MIN_SCAN_BUDGET = 1;

/**
 * After a kernel call cut at its first record (it stored nothing), the next call goes to the
 * TypeScript loop, and twice as many after each further such call, up to this many: records that
 * are all declined (PyTorch's `add_scalar` without a step writes step 0 every time) then cost what
 * they cost on the TypeScript loop, plus a rare kernel call to see whether they still are.
 */
const MAX_SKIPPED_CALLS = 1024;

/**
 * When the kernel's tag table is full, each record of a tag it could not register stops a call. Once
 * at least `SATURATED_MIN` such records are more than 1 / `SATURATED_SHARE` of the records the kernel
 * stored, the rest of the run goes to the TypeScript loop, which is then the faster one.
 */
const SATURATED_MIN = 1024;
const SATURATED_SHARE = 16;

export class KernelCallPolicy {
  /** Records the next kernel call may take. */
  budget: number;
  /** Calls left to hand to the TypeScript loop, and how many the last unproductive call earned. */
  private skipping = 0;
  private skip = 0;
  /** Records the kernel stored, and records it stopped at because their tag could not be registered. */
  private stored = 0;
  private unregistered = 0;

  constructor(private readonly maxOutput: number) {
    this.budget = maxOutput;
  }

  /** True when this call goes to the TypeScript loop (counts the call). */
  skipCall(): boolean {
    if (this.skipping === 0) return false;
    this.skipping--;
    return true;
  }

  /** A kernel call stored `taken` records; `cut` when a declined record cut its blocks. */
  afterCall(taken: number, cut: boolean): void {
    this.stored += taken;
    if (!cut) {
      this.budget = Math.min(this.maxOutput, 2 * this.budget);
      return;
    }
    this.budget = Math.max(MIN_SCAN_BUDGET, 2 * taken);
    this.skip = taken === 0 ? Math.min(MAX_SKIPPED_CALLS, Math.max(1, 2 * this.skip)) : 0;
    this.skipping = this.skip;
  }

  /** A record's tag could not be registered; true when the kernel should be retired for the run. */
  unregisteredTag(): boolean {
    return ++this.unregistered >= SATURATED_MIN && this.unregistered * SATURATED_SHARE > this.stored;
  }
}
