import { commentKeyId, type ChartRecord, type CommentKey, type DeliveryRecord, type DiagnosisKind, type DiagnosisRecord, type ExperimentRecord, type Store } from "./store.js";

/** Entries kept per cache (least recently used dropped first). */
export const DEFAULT_CACHE_ENTRIES = 2000;

/** A small LRU map: `Map` keeps insertion order, so re-inserting on use makes the first key the oldest. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  delete(key: string): void {
    this.map.delete(key);
  }
}

/** Whether `a` sorts before `b` in `latestDiagnosis`' order: newest first, then the smaller sha. */
function newer(a: DiagnosisRecord, b: DiagnosisRecord): boolean {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  return ta > tb || (ta === tb && a.sha < b.sha);
}

/**
 * Write-through read cache for a store that ONE process owns (the embedded PGlite data directory):
 * `latestDiagnosis` and `getCommentId` are answered from memory after their first read, and kept
 * current by this process's own writes — there is no other writer to miss. Never wrap a store that
 * replicas share (PostgreSQL). Saves two of the six store round trips of a pull-request delivery.
 */
export class CachingStore implements Store {
  private readonly latest: Lru<{ record: DiagnosisRecord | null }>;
  private readonly comments: Lru<{ id: number | null }>;
  /** Per key, the number of the last write: a read that saw a write land meanwhile is not cached. */
  private readonly writes: Lru<number>;
  private writeCount = 0;

  constructor(private readonly inner: Store, maxEntries = DEFAULT_CACHE_ENTRIES) {
    this.latest = new Lru(maxEntries);
    this.comments = new Lru(maxEntries);
    this.writes = new Lru(maxEntries * 4);
  }

  /** Reads through `load` and caches the result unless a write to `key` landed while it ran. */
  private async readThrough<V>(key: string, cache: Lru<V>, load: () => Promise<V>): Promise<V> {
    const before = this.writes.get(key);
    const value = await load();
    if (this.writes.get(key) === before) cache.set(key, value);
    return value;
  }

  private wrote(key: string): void {
    this.writes.set(key, ++this.writeCount);
  }

  async latestDiagnosis(repo: string, ref: string, kind: DiagnosisKind): Promise<DiagnosisRecord | null> {
    const key = JSON.stringify([repo, ref, kind]);
    const cached = this.latest.get(key);
    if (cached !== undefined) return structuredClone(cached.record);
    const { record } = await this.readThrough(key, this.latest, async () => ({ record: await this.inner.latestDiagnosis(repo, ref, kind) }));
    return structuredClone(record);
  }

  async saveDiagnosis(record: DiagnosisRecord): Promise<void> {
    const key = JSON.stringify([record.repo, record.ref, record.kind]);
    this.wrote(key);
    await this.inner.saveDiagnosis(record);
    this.wrote(key);
    const cached = this.latest.get(key);
    if (cached === undefined) return;
    const current = cached.record;
    // Re-saving the cached sha with an older time may make another row the newest: forget, re-read.
    if (current !== null && current.sha === record.sha && newer(current, record)) this.latest.delete(key);
    else if (current === null || current.sha === record.sha || newer(record, current)) this.latest.set(key, { record: structuredClone(record) });
  }

  async getCommentId(k: CommentKey): Promise<number | null> {
    const key = commentKeyId(k);
    const cached = this.comments.get(key);
    if (cached !== undefined) return cached.id;
    return (await this.readThrough(key, this.comments, async () => ({ id: await this.inner.getCommentId(k) }))).id;
  }

  async setCommentId(k: CommentKey, commentId: number): Promise<void> {
    const key = commentKeyId(k);
    this.wrote(key);
    await this.inner.setCommentId(k, commentId);
    this.wrote(key);
    this.comments.set(key, { id: commentId });
  }

  claimDelivery(delivery: DeliveryRecord): Promise<boolean> {
    return this.inner.claimDelivery(delivery);
  }

  completeDelivery(id: string, completedAt: string): Promise<void> {
    return this.inner.completeDelivery(id, completedAt);
  }

  withCommentLock<T>(key: CommentKey, fn: () => Promise<T>): Promise<T> {
    return this.inner.withCommentLock(key, fn);
  }

  saveChart(chart: ChartRecord): Promise<void> {
    return this.inner.saveChart(chart);
  }

  getChart(id: string): Promise<ChartRecord | null> {
    return this.inner.getChart(id);
  }

  deleteChartsBefore(cutoff: string): Promise<number> {
    return this.inner.deleteChartsBefore(cutoff);
  }

  saveExperiment(record: ExperimentRecord): Promise<void> {
    return this.inner.saveExperiment(record);
  }

  getExperiment(id: string): Promise<ExperimentRecord | null> {
    return this.inner.getExperiment(id);
  }

  findExperimentBySha(repo: string, sha: string): Promise<ExperimentRecord | null> {
    return this.inner.findExperimentBySha(repo, sha);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
