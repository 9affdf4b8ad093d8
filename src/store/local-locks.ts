/**
 * Keyed mutexes within one process: `run(key, fn)` starts `fn` after every earlier `fn` of the same
 * key has settled. Used by stores whose data lives in one process (PGlite, memory) and, in front of
 * PostgreSQL's advisory locks, so one replica never spends two pooled connections on one key.
 */
export class LocalLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(fn);
    this.tails.set(key, next);
    try {
      return await next;
    } finally {
      if (this.tails.get(key) === next) this.tails.delete(key);
    }
  }
}
