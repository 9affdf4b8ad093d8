/**
 * The app's persistence port. Three adapters implement it: PGlite (embedded default, a data
 * directory), PostgreSQL (through DATABASE_URL, for stateless replicas) — both over the same SQL
 * migrations in ./migrations — and an in-memory one for unit tests.
 *
 * Data model and guarantees:
 * - deliveries: every webhook delivery id the app has started to process. `claimDelivery` is atomic
 *   (INSERT … ON CONFLICT), so a redelivered webhook, even one arriving at another replica at the same
 *   moment, is processed once: at most one comment and one check run per delivery. A claim is a lease:
 *   a delivery whose process died before `completeDelivery` can be claimed again after it expires.
 * - diagnoses: one summary per (repo, sha, kind), also indexed by ref; `latestDiagnosis(repo, ref)`
 *   returns the newest by `createdAt` — used to compare a PR head with its base branch.
 * - charts: rendered chart bodies keyed by an unguessable id; served by the chart server at signed URLs,
 *   and deleted after the retention period (`deleteChartsBefore`).
 * - comments: the sticky PR comment id per (repo, issue number, key), so updates go in place; creating
 *   one happens under `withCommentLock`, so it is never created twice.
 * - experiments: reproduction experiments and their status/result, keyed by id.
 *
 * Every timestamp is supplied by the caller (injected clock), so adapters stay deterministic.
 */
export interface Store {
  /**
   * Claims a delivery id until `delivery.claimedUntil`; true when it is new (process it). A
   * redelivery is false (skip it) while the first claim holds or once the delivery was completed; a
   * claim that expired without `completeDelivery` (the process died mid-delivery) is taken over, so
   * a webhook redelivered after a crash is processed instead of lost.
   */
  claimDelivery(delivery: DeliveryRecord): Promise<boolean>;
  /** Marks a claimed delivery as handled (its check run or failure report was published). */
  completeDelivery(id: string, completedAt: string): Promise<void>;
  saveDiagnosis(record: DiagnosisRecord): Promise<void>;
  /** The newest diagnosis of `kind` stored for a branch/ref, or null. */
  latestDiagnosis(repo: string, ref: string, kind: DiagnosisKind): Promise<DiagnosisRecord | null>;
  saveChart(chart: ChartRecord): Promise<void>;
  getChart(id: string): Promise<ChartRecord | null>;
  /** Deletes the charts created before `cutoff` (ISO 8601); returns how many (retention). */
  deleteChartsBefore(cutoff: string): Promise<number>;
  getCommentId(key: CommentKey): Promise<number | null>;
  setCommentId(key: CommentKey, commentId: number): Promise<void>;
  /**
   * Runs `fn` holding the lock of one sticky comment across every process that shares this store,
   * so two replicas handling deliveries of one PR never both create it (PostgreSQL: an advisory
   * lock; the embedded and in-memory stores live in one process: a local lock).
   */
  withCommentLock<T>(key: CommentKey, fn: () => Promise<T>): Promise<T>;
  saveExperiment(record: ExperimentRecord): Promise<void>;
  getExperiment(id: string): Promise<ExperimentRecord | null>;
  /** The experiment dispatched for a workflow run (matched by the run's `head_sha` and workflow). */
  findExperimentBySha(repo: string, sha: string): Promise<ExperimentRecord | null>;
  close(): Promise<void>;
}

export interface DeliveryRecord {
  id: string;
  event: string;
  /** ISO 8601. */
  receivedAt: string;
  /** ISO 8601: until then the claim holds; after it, an uncompleted delivery may be claimed again. */
  claimedUntil: string;
}

/** `training`: log diagnosis; `config`: config-gate lint result. */
export type DiagnosisKind = "training" | "config";

export interface DiagnosisRecord {
  /** `owner/name`. */
  repo: string;
  /** Branch name (without refs/heads/) or tag the sha was seen on. */
  ref: string;
  sha: string;
  kind: DiagnosisKind;
  /** JSON-serialisable summary (see github/analyze/summary.ts). */
  summary: unknown;
  /** ISO 8601. */
  createdAt: string;
}

export type ChartFormat = "png" | "svg" | "vl.json";

export interface ChartRecord {
  /** Unguessable chart id (random, URL-safe) + `.` + format: one record per rendered file. */
  id: string;
  repo: string;
  format: ChartFormat;
  contentType: string;
  body: Uint8Array;
  createdAt: string;
}

export interface CommentKey {
  repo: string;
  issueNumber: number;
  /** Which sticky comment (one per marker), e.g. `report`. */
  key: string;
}

/** One string per comment key, for maps and batches (JSON: no separator a repo name could contain). */
export function commentKeyId(k: CommentKey): string {
  return JSON.stringify([k.repo, k.issueNumber, k.key]);
}

export type ExperimentStatus = "queued" | "in_progress" | "completed" | "failed";

export interface ExperimentRecord {
  id: string;
  repo: string;
  sha: string;
  /** Check run showing this experiment. */
  checkRunId: number | null;
  status: ExperimentStatus;
  plan: unknown;
  result: unknown;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}
