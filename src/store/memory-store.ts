import type {
  ChartRecord,
  CommentKey,
  DeliveryRecord,
  DiagnosisKind,
  DiagnosisRecord,
  ExperimentRecord,
  Store,
} from "./store.js";
import { LocalLocks } from "./local-locks.js";

const commentKey = (k: CommentKey): string => `${k.repo}#${k.issueNumber}#${k.key}`;
const copy = <T>(value: T): T => structuredClone(value);

/**
 * In-process Store for unit tests and single-shot runs; same semantics as the SQL adapters (the
 * shared contract test runs against all three). Values are deep-copied in and out, like a database.
 */
export class MemoryStore implements Store {
  private readonly deliveries = new Map<string, DeliveryRecord & { completedAt?: string }>();
  private readonly diagnoses = new Map<string, DiagnosisRecord>();
  private readonly charts = new Map<string, ChartRecord>();
  private readonly comments = new Map<string, number>();
  private readonly experiments = new Map<string, ExperimentRecord>();
  private readonly locks = new LocalLocks();

  withCommentLock<T>(k: CommentKey, fn: () => Promise<T>): Promise<T> {
    return this.locks.run(commentKey(k), fn);
  }

  async claimDelivery(d: DeliveryRecord): Promise<boolean> {
    const known = this.deliveries.get(d.id);
    if (known !== undefined && (known.completedAt !== undefined || Date.parse(known.claimedUntil) >= Date.parse(d.receivedAt))) return false;
    this.deliveries.set(d.id, copy(d));
    return true;
  }

  async completeDelivery(id: string, completedAt: string): Promise<void> {
    const known = this.deliveries.get(id);
    if (known !== undefined) known.completedAt = completedAt;
  }

  async saveDiagnosis(r: DiagnosisRecord): Promise<void> {
    this.diagnoses.set(`${r.repo}|${r.sha}|${r.kind}|${r.ref}`, copy(r));
  }

  async latestDiagnosis(repo: string, ref: string, kind: DiagnosisKind): Promise<DiagnosisRecord | null> {
    const matches = [...this.diagnoses.values()].filter((r) => r.repo === repo && r.ref === ref && r.kind === kind);
    matches.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.sha.localeCompare(b.sha));
    return matches[0] === undefined ? null : copy(matches[0]);
  }

  async saveChart(c: ChartRecord): Promise<void> {
    this.charts.set(c.id, copy(c));
  }

  async getChart(id: string): Promise<ChartRecord | null> {
    const c = this.charts.get(id);
    return c === undefined ? null : copy(c);
  }

  async deleteChartsBefore(cutoff: string): Promise<number> {
    let deleted = 0;
    for (const [id, chart] of this.charts) {
      if (Date.parse(chart.createdAt) < Date.parse(cutoff)) {
        this.charts.delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  async getCommentId(k: CommentKey): Promise<number | null> {
    return this.comments.get(commentKey(k)) ?? null;
  }

  async setCommentId(k: CommentKey, commentId: number): Promise<void> {
    this.comments.set(commentKey(k), commentId);
  }

  async saveExperiment(e: ExperimentRecord): Promise<void> {
    const prev = this.experiments.get(e.id);
    this.experiments.set(e.id, copy(prev === undefined ? e : { ...e, plan: prev.plan, repo: prev.repo, sha: prev.sha, createdAt: prev.createdAt, requestedBy: prev.requestedBy }));
  }

  async getExperiment(id: string): Promise<ExperimentRecord | null> {
    const e = this.experiments.get(id);
    return e === undefined ? null : copy(e);
  }

  async findExperimentBySha(repo: string, sha: string): Promise<ExperimentRecord | null> {
    const matches = [...this.experiments.values()].filter((e) => e.repo === repo && e.sha === sha);
    matches.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    return matches[0] === undefined ? null : copy(matches[0]);
  }

  async close(): Promise<void> {}
}
