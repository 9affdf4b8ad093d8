import type { SqlClient } from "./sql-client.js";
import { uniqueByKey } from "./batcher.js";
import { commentKeyId, type CommentKey, type DeliveryRecord, type DiagnosisRecord } from "./store.js";

/**
 * The store statements of a webhook delivery's hot path, each written for a batch of items (see
 * batcher.ts). Rows travel as ONE jsonb parameter read with `jsonb_to_recordset`, which both PGlite and
 * `pg` pass through unchanged, whatever the text holds (no array-literal escaping).
 */
type Query = SqlClient["query"];

/** Claims: the first item of an id in the batch may claim it; its duplicates are redeliveries (false). */
export async function claimDeliveries(query: Query, items: DeliveryRecord[]): Promise<boolean[]> {
  const sent = uniqueByKey(items, (d) => d.id, "first");
  const rows = sent.map((i) => {
    const d = items[i] as DeliveryRecord;
    return { id: d.id, event: d.event, received_at: d.receivedAt, claimed_until: d.claimedUntil };
  });
  // New id: inserted. Known id: taken over only when never completed and its lease ran out.
  const { rows: claimed } = await query<{ id: string }>(
    `INSERT INTO deliveries (id, event, received_at, claimed_until)
     SELECT id, event, received_at, claimed_until
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, event text, received_at timestamptz, claimed_until timestamptz)
     ON CONFLICT (id) DO UPDATE SET received_at = EXCLUDED.received_at, claimed_until = EXCLUDED.claimed_until
     WHERE deliveries.completed_at IS NULL AND deliveries.claimed_until IS NOT NULL AND deliveries.claimed_until < EXCLUDED.received_at
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  const won = new Set(claimed.map((r) => r.id));
  const firsts = new Set(sent);
  return items.map((d, i) => firsts.has(i) && won.has(d.id));
}

export interface Completion { id: string; completedAt: string }

export async function completeDeliveries(query: Query, items: Completion[]): Promise<void[]> {
  const rows = uniqueByKey(items, (c) => c.id, "last").map((i) => {
    const c = items[i] as Completion;
    return { id: c.id, completed_at: c.completedAt };
  });
  await query(
    `UPDATE deliveries SET completed_at = r.completed_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, completed_at timestamptz) WHERE deliveries.id = r.id`,
    [JSON.stringify(rows)],
  );
  return items.map(() => undefined);
}

export async function saveDiagnoses(query: Query, items: DiagnosisRecord[]): Promise<void[]> {
  const rows = uniqueByKey(items, (r) => JSON.stringify([r.repo, r.sha, r.kind, r.ref]), "last").map((i) => {
    const r = items[i] as DiagnosisRecord;
    return { repo: r.repo, ref: r.ref, sha: r.sha, kind: r.kind, summary: r.summary, created_at: r.createdAt };
  });
  await query(
    `INSERT INTO diagnoses (repo, ref, sha, kind, summary, created_at)
     SELECT repo, ref, sha, kind, summary, created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(repo text, ref text, sha text, kind text, summary jsonb, created_at timestamptz)
     ON CONFLICT (repo, sha, kind, ref) DO UPDATE SET summary = EXCLUDED.summary, created_at = EXCLUDED.created_at`,
    [JSON.stringify(rows)],
  );
  return items.map(() => undefined);
}

export async function getCommentIds(query: Query, items: CommentKey[]): Promise<(number | null)[]> {
  const rows = uniqueByKey(items, commentKeyId, "first").map((i) => {
    const k = items[i] as CommentKey;
    return { repo: k.repo, issue_number: k.issueNumber, key: k.key };
  });
  const { rows: found } = await query<{ repo: string; issue_number: number; key: string; comment_id: string | number }>(
    `SELECT c.repo, c.issue_number, c.key, c.comment_id FROM comments c
       JOIN jsonb_to_recordset($1::jsonb) AS r(repo text, issue_number integer, key text)
         ON c.repo = r.repo AND c.issue_number = r.issue_number AND c.key = r.key`,
    [JSON.stringify(rows)],
  );
  const ids = new Map(found.map((r) => [commentKeyId({ repo: r.repo, issueNumber: r.issue_number, key: r.key }), Number(r.comment_id)]));
  return items.map((k) => ids.get(commentKeyId(k)) ?? null);
}

export interface CommentIdWrite { key: CommentKey; commentId: number }

export async function setCommentIds(query: Query, items: CommentIdWrite[]): Promise<void[]> {
  const rows = uniqueByKey(items, (w) => commentKeyId(w.key), "last").map((i) => {
    const w = items[i] as CommentIdWrite;
    return { repo: w.key.repo, issue_number: w.key.issueNumber, key: w.key.key, comment_id: w.commentId };
  });
  await query(
    `INSERT INTO comments (repo, issue_number, key, comment_id)
     SELECT repo, issue_number, key, comment_id
       FROM jsonb_to_recordset($1::jsonb) AS r(repo text, issue_number integer, key text, comment_id bigint)
     ON CONFLICT (repo, issue_number, key) DO UPDATE SET comment_id = EXCLUDED.comment_id`,
    [JSON.stringify(rows)],
  );
  return items.map(() => undefined);
}
