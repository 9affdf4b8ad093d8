// Edge file: hosts the embedded PGlite database in a worker thread.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { SqlClient } from "./sql-client.js";

/**
 * The worker's script. PGlite (Postgres compiled to wasm) runs every query synchronously on the
 * thread that owns it; in the app's event-loop thread it took ~45 % of the server's CPU under load
 * and delayed every webhook behind it. In a worker it uses another core, and the event loop only
 * posts messages. Transactions are interactive: `begin` opens one with PGlite's own `transaction()`
 * (which makes every other query wait), and `commit`/`rollback` end it.
 */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require("node:worker_threads");
const { PGlite } = require(workerData.pglitePath);
let db;
const open = new Map();
const fail = (id, error) => parentPort.postMessage({ id, error: { message: String(error && error.message || error), code: error && error.code } });
parentPort.on("message", async (m) => {
  try {
    if (m.op === "open") { db = await PGlite.create(m.dataDir); parentPort.postMessage({ id: m.id }); return; }
    const target = m.tx === undefined ? db : open.get(m.tx).tx;
    if (m.op === "query") { const r = await target.query(m.sql, m.params); parentPort.postMessage({ id: m.id, rows: r.rows }); }
    else if (m.op === "exec") { await target.exec(m.sql); parentPort.postMessage({ id: m.id }); }
    else if (m.op === "begin") {
      const t = {};
      open.set(m.id, t);
      t.done = db.transaction((tx) => new Promise((resolve, reject) => {
        Object.assign(t, { tx, resolve, reject });
        parentPort.postMessage({ id: m.id });
      }));
      t.done.catch(() => undefined);
    } else if (m.op === "commit" || m.op === "rollback") {
      const t = open.get(m.tx);
      open.delete(m.tx);
      if (m.op === "commit") t.resolve(); else t.reject(new Error("rollback"));
      try { await t.done; parentPort.postMessage({ id: m.id }); }
      catch (error) { if (m.op === "rollback") parentPort.postMessage({ id: m.id }); else fail(m.id, error); }
    } else if (m.op === "close") { await db.close(); parentPort.postMessage({ id: m.id }); }
  } catch (error) { fail(m.id, error); }
});
`;

interface Reply {
  id: number;
  rows?: object[];
  error?: { message: string; code?: string };
}

/** Thrown for a query the database refused; `code` is the SQLSTATE when PGlite gave one. */
export class PgliteWorkerError extends Error {
  override name = "PgliteWorkerError";
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/** A SqlClient whose PGlite database lives in a worker thread (see `WORKER_SCRIPT`). */
class PgliteWorkerClient implements SqlClient {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (waiter === undefined) return;
      if (reply.error !== undefined) waiter.reject(new PgliteWorkerError(reply.error.message, reply.error.code));
      else waiter.resolve(reply);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`the PGlite worker exited (code ${code})`)));
  }

  async query<Row extends object>(sql: string, params?: unknown[], tx?: number): Promise<{ rows: Row[] }> {
    const reply = await this.send({ op: "query", sql, params: params ?? [], tx });
    return { rows: (reply.rows ?? []) as Row[] };
  }

  async exec(sql: string, tx?: number): Promise<void> {
    await this.send({ op: "exec", sql, tx });
  }

  async transaction<T>(fn: (tx: Pick<SqlClient, "query" | "exec">) => Promise<T>): Promise<T> {
    const { id } = await this.send({ op: "begin" });
    const tx: Pick<SqlClient, "query" | "exec"> = {
      query: <Row extends object>(sql: string, params?: unknown[]) => this.query<Row>(sql, params, id),
      exec: (sql: string) => this.exec(sql, id),
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      await this.send({ op: "rollback", tx: id });
      throw error;
    }
    await this.send({ op: "commit", tx: id });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure === undefined) await this.send({ op: "close" }).catch(() => undefined);
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }

  /** Opens (or creates) the database in `dataDir`. */
  async open(dataDir: string): Promise<void> {
    await this.send({ op: "open", dataDir });
  }

  private send(message: Record<string, unknown>): Promise<Reply> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

/** Starts a worker thread and opens the PGlite database in `dataDir` there (`memory://` for none). */
export async function openPgliteWorkerClient(dataDir: string): Promise<SqlClient> {
  const pglitePath = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { pglitePath } });
  const client = new PgliteWorkerClient(worker);
  try {
    await client.open(dataDir);
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}
