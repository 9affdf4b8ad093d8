/**
 * Group commit for one kind of store statement. The first call runs at once as a batch of one; calls
 * made while a batch is in flight wait and go together as the next batch, so under load N concurrent
 * deliveries cost one round trip (and one transaction) instead of N, and an idle store adds no delay.
 * Each call's promise settles when the statement that carried it has committed, as before batching.
 *
 * A batch that fails is retried item by item, so one bad item (a value the database refuses) fails
 * only its own call, with its own error.
 */
export class Batcher<I, O> {
  private queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private running = false;

  /**
   * @param runBatch runs the items as one statement; returns one result per item, in order.
   * @param maxBatch the most items per statement (bounds a statement's size and its parameters).
   */
  constructor(private readonly runBatch: (items: I[]) => Promise<O[]>, private readonly maxBatch = DEFAULT_MAX_BATCH) {}

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const items = batch.map((b) => b.item);
      try {
        const results = await this.runBatch(items);
        batch.forEach((b, i) => b.resolve(results[i] as O));
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else await Promise.all(batch.map((b) => this.runBatch([b.item]).then((r) => b.resolve(r[0] as O), b.reject)));
      }
    }
    this.running = false;
  }
}

/** Items per batched statement: a few hundred rows keep one statement well under a millisecond of planning. */
export const DEFAULT_MAX_BATCH = 256;

/**
 * Indexes of the items to send when several carry the same key: the FIRST of each key (`"first"`: a
 * claim, later duplicates lose) or the LAST (`"last"`: an upsert, the latest value wins). One
 * statement must not touch a row twice (`ON CONFLICT DO UPDATE` refuses it).
 */
export function uniqueByKey<I>(items: readonly I[], key: (item: I) => string, keep: "first" | "last"): number[] {
  const chosen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (keep === "last" || !chosen.has(k)) chosen.set(k, i);
  });
  return [...chosen.values()].sort((a, b) => a - b);
}
