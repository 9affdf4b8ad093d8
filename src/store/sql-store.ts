import type { SqlClient } from "./sql-client.js";
import { LocalLocks } from "./local-locks.js";
import { Batcher } from "./batcher.js";
import { claimDeliveries, completeDeliveries, getCommentIds, saveDiagnoses, setCommentIds, type CommentIdWrite, type Completion } from "./sql-batches.js";
import type {
  ChartFormat,
  ChartRecord,
  CommentKey,
  DeliveryRecord,
  DiagnosisKind,
  DiagnosisRecord,
  ExperimentRecord,
  ExperimentStatus,
  Store,
} from "./store.js";

interface DiagnosisRow { repo: string; ref: string; sha: string; kind: DiagnosisKind; summary: unknown; created_at: Date | string }
interface ChartRow { id: string; repo: string; format: ChartFormat; content_type: string; body: Uint8Array; created_at: Date | string }
interface ExperimentRow {
  id: string; repo: string; sha: string; check_run_id: string | number | null; status: ExperimentStatus;
  plan: unknown; result: unknown; requested_by: string; created_at: Date | string; updated_at: Date | string;
}

const iso = (v: Date | string): string => new Date(v).toISOString();
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

function toExperiment(r: ExperimentRow): ExperimentRecord {
  return {
    id: r.id, repo: r.repo, sha: r.sha, checkRunId: num(r.check_run_id), status: r.status, plan: r.plan,
    result: r.result ?? null, requestedBy: r.requested_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

/** First key of the two-int advisory locks taken for sticky comments ("LDCM"). */
const COMMENT_LOCK_NAMESPACE = 0x4c44434d;

/** FNV-1a of the comment key as a signed 32-bit int (a collision only serialises two keys). */
function lockId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

export interface SqlStoreOptions {
  /**
   * Other processes share this database (PostgreSQL): `withCommentLock` also takes an advisory lock,
   * held by a transaction of THIS client, which must not be the one the store queries through (a
   * separate small pool): the holder queries the store while it holds the lock, and holders waiting
   * for connections of the pool they occupy would deadlock it. Absent for PGlite, which only one
   * process opens and whose single connection must not be held while GitHub answers.
   */
  lockClient?: Pick<SqlClient, "transaction" | "close">;
}

/** The Store over any PostgreSQL-speaking client (PGlite or pg). Assumes migrations have run. */
export class SqlStore implements Store {
  private readonly locks = new LocalLocks();
  // The statements every delivery makes go in batches (group commit, batcher.ts); the rest one by one.
  private readonly claims: Batcher<DeliveryRecord, boolean>;
  private readonly completions: Batcher<Completion, void>;
  private readonly diagnoses: Batcher<DiagnosisRecord, void>;
  private readonly commentReads: Batcher<CommentKey, number | null>;
  private readonly commentWrites: Batcher<CommentIdWrite, void>;

  constructor(private readonly db: SqlClient, private readonly options: SqlStoreOptions = {}) {
    const query: SqlClient["query"] = (sql, params) => db.query(sql, params);
    this.claims = new Batcher((items) => claimDeliveries(query, items));
    this.completions = new Batcher((items) => completeDeliveries(query, items));
    this.diagnoses = new Batcher((items) => saveDiagnoses(query, items));
    this.commentReads = new Batcher((items) => getCommentIds(query, items));
    this.commentWrites = new Batcher((items) => setCommentIds(query, items));
  }

  withCommentLock<T>(k: CommentKey, fn: () => Promise<T>): Promise<T> {
    const key = `${k.repo}#${k.issueNumber}#${k.key}`;
    const lockClient = this.options.lockClient;
    if (lockClient === undefined) return this.locks.run(key, fn);
    return this.locks.run(key, () =>
      lockClient.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1, $2)", [COMMENT_LOCK_NAMESPACE, lockId(key)]);
        return fn();
      }),
    );
  }

  claimDelivery(d: DeliveryRecord): Promise<boolean> {
    return this.claims.run(d);
  }

  completeDelivery(id: string, completedAt: string): Promise<void> {
    return this.completions.run({ id, completedAt });
  }

  saveDiagnosis(r: DiagnosisRecord): Promise<void> {
    return this.diagnoses.run(r);
  }

  async latestDiagnosis(repo: string, ref: string, kind: DiagnosisKind): Promise<DiagnosisRecord | null> {
    const { rows } = await this.db.query<DiagnosisRow>(
      "SELECT * FROM diagnoses WHERE repo = $1 AND ref = $2 AND kind = $3 ORDER BY created_at DESC, sha LIMIT 1",
      [repo, ref, kind],
    );
    const r = rows[0];
    return r === undefined ? null : { repo: r.repo, ref: r.ref, sha: r.sha, kind: r.kind, summary: r.summary, createdAt: iso(r.created_at) };
  }

  async saveChart(c: ChartRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO charts (id, repo, format, content_type, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, content_type = EXCLUDED.content_type`,
      [c.id, c.repo, c.format, c.contentType, Buffer.from(c.body.buffer, c.body.byteOffset, c.body.byteLength), c.createdAt],
    );
  }

  async getChart(id: string): Promise<ChartRecord | null> {
    const { rows } = await this.db.query<ChartRow>("SELECT * FROM charts WHERE id = $1", [id]);
    const r = rows[0];
    if (r === undefined) return null;
    return { id: r.id, repo: r.repo, format: r.format, contentType: r.content_type, body: new Uint8Array(r.body), createdAt: iso(r.created_at) };
  }

  async deleteChartsBefore(cutoff: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "WITH deleted AS (DELETE FROM charts WHERE created_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM deleted",
      [cutoff],
    );
    return rows[0]?.n ?? 0;
  }

  getCommentId(k: CommentKey): Promise<number | null> {
    return this.commentReads.run(k);
  }

  setCommentId(k: CommentKey, commentId: number): Promise<void> {
    return this.commentWrites.run({ key: k, commentId });
  }

  async saveExperiment(e: ExperimentRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO experiments (id, repo, sha, check_run_id, status, plan, result, requested_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET check_run_id = EXCLUDED.check_run_id, status = EXCLUDED.status,
         result = EXCLUDED.result, updated_at = EXCLUDED.updated_at`,
      [e.id, e.repo, e.sha, e.checkRunId, e.status, JSON.stringify(e.plan), e.result === null ? null : JSON.stringify(e.result),
        e.requestedBy, e.createdAt, e.updatedAt],
    );
  }

  async getExperiment(id: string): Promise<ExperimentRecord | null> {
    const { rows } = await this.db.query<ExperimentRow>("SELECT * FROM experiments WHERE id = $1", [id]);
    return rows[0] === undefined ? null : toExperiment(rows[0]);
  }

  async findExperimentBySha(repo: string, sha: string): Promise<ExperimentRecord | null> {
    const { rows } = await this.db.query<ExperimentRow>(
      "SELECT * FROM experiments WHERE repo = $1 AND sha = $2 ORDER BY created_at DESC LIMIT 1",
      [repo, sha],
    );
    return rows[0] === undefined ? null : toExperiment(rows[0]);
  }

  async close(): Promise<void> {
    await this.options.lockClient?.close();
    await this.db.close();
  }
}
