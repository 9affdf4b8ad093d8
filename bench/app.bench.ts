/**
 * `npm run bench:app`: N concurrent signed deliveries (a push with a log, a PR with a log) against the
 * fake GitHub on loopback (OpenAPI validation on), for Loss Doctor's server and for a bare Probot app
 * that only creates a check run, on the same harness in the same process. Reports p50/p95 latency from
 * "delivery sent" to "check run received by the fake GitHub" and throughput (deliveries/s, a delivery
 * counting as done when both its HTTP response and its check run have arrived) at 1, 10 and 50
 * concurrent deliveries. Results are recorded in docs/benchmarks/app.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createNodeMiddleware, Probot, type ApplicationFunction } from "probot";
import { createServer } from "../src/github/server.js";
import { UnthrottledOctokit } from "../src/github/octokit.js";
import { MemoryStore } from "../src/store/memory-store.js";
import { openPgliteStore } from "../src/store/pglite-store.js";
import { openPostgresStore } from "../src/store/postgres-store.js";
import type { Store } from "../src/store/store.js";
import { deliver, pullRequestPayload, pushPayload, signedDelivery, startFakeGitHub, type FakeGitHub, type FakeRepo } from "../test/helpers/fake-github/index.js";
import { testPrivateKey } from "../test/helpers/fake-github/spawn-app.js";
import { divergingCsv } from "../test/unit/github/helpers/logs.js";

const SECRET = "bench-secret";
const CONCURRENCY = [1, 10, 50] as const;
/** Deliveries per concurrency level (at least 3 rounds of the level). */
const deliveriesFor = (c: number): number => Math.max(30, c * 3);
/** Warm-up deliveries per target (JIT of ingest/diagnose/report code, token cache, compiled schemas). */
const WARMUP = 40;

interface Target { name: string; webhookUrl: string; checkName: string; stop(): Promise<void> }
interface Job { name: string; payload: unknown; headSha: string }
interface Row { app: string; concurrency: number; n: number; p50: number; p95: number; max: number; throughput: number; errors: number; apiCalls: number }

const BARE_APP: ApplicationFunction = (app) => {
  app.on(["push", "pull_request.opened"], async (context) => {
    const p = context.payload as { after?: string; pull_request?: { head: { sha: string } } };
    const headSha = p.pull_request?.head.sha ?? p.after ?? "";
    await context.octokit.rest.checks.create(context.repo({ name: "bare", head_sha: headSha, status: "completed", conclusion: "success", output: { title: "ok", summary: "ok" } }));
  });
};

async function startBare(githubUrl: string, privateKey: string): Promise<Target> {
  const probot = new Probot({ appId: 1, privateKey, secret: SECRET, baseUrl: githubUrl, logLevel: "warn", Octokit: UnthrottledOctokit });
  const middleware = await createNodeMiddleware(BARE_APP, { probot, webhooksPath: "/api/github/webhooks" });
  const http: Server = createHttpServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const { port } = http.address() as AddressInfo;
  return { name: "bare Probot app", checkName: "bare", webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`, stop: () => new Promise((r) => { http.closeAllConnections(); http.close(() => r()); }) };
}

/**
 * Stores benchmarked: the default PGlite data directory; the in-memory store (what the handlers cost
 * without a database); PostgreSQL when TEST_DATABASE_URL is set (.ci/run starts one). BENCH_APP_STORES
 * (comma-separated: pglite, memory, postgres) overrides the choice.
 */
type StoreKind = "pglite" | "memory" | "postgres";
const PG_URL = process.env.TEST_DATABASE_URL ?? "";
const STORES: StoreKind[] = (process.env.BENCH_APP_STORES?.split(",") ?? ["pglite", "memory", ...(PG_URL === "" ? [] : ["postgres"])]) as StoreKind[];

async function openBenchStore(kind: StoreKind, dataDir: string): Promise<Store> {
  if (kind === "memory") return new MemoryStore();
  if (kind === "postgres") return openPostgresStore(PG_URL);
  return openPgliteStore(dataDir);
}

async function startLossDoctor(githubUrl: string, privateKey: string, kind: StoreKind, dataDir: string): Promise<Target> {
  const store = await openBenchStore(kind, dataDir);
  const server = await createServer({ appId: 1, privateKey, webhookSecret: SECRET, store, baseUrl: githubUrl, port: 0, host: "127.0.0.1", logLevel: "warn", throttle: false });
  return { name: `Loss Doctor (${kind})`, checkName: "Loss Doctor / training", webhookUrl: `${server.url}/api/github/webhooks`, stop: async () => { await server.stop(); await store.close(); } };
}

/** One push job and one PR job per pair, each on its own branch/commit so check runs can be told apart. */
function makeJobs(repo: FakeRepo, prefix: string, n: number): Job[] {
  return Array.from({ length: n }, (_, i) => {
    const log = divergingCsv(30, 8 + (i % 10));
    if (i % 2 === 0) {
      const commit = repo.commit(`${prefix}-push-${i}`, { [`runs/${prefix}-${i}/metrics.csv`]: log }, `push ${i}`, "main");
      return { name: "push", payload: pushPayload(repo, `${prefix}-push-${i}`), headSha: commit.sha };
    }
    repo.commit(`${prefix}-pr-${i}`, { [`runs/${prefix}-${i}/metrics.csv`]: log }, `pr ${i}`, "main");
    const pull = repo.openPull(`${prefix}-pr-${i}`, "main");
    return { name: "pull_request", payload: pullRequestPayload(repo, pull, "opened"), headSha: pull.headSha };
  });
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function runBatch(gh: FakeGitHub, target: Target, jobs: Job[], concurrency: number): Promise<Omit<Row, "app" | "concurrency">> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const deliveries = await Promise.all(jobs.map((j) => signedDelivery(SECRET, j.name, j.payload)));
  const requestsBefore = gh.requests.length;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i] as Job;
      const sent = performance.now();
      const checkRun = gh.waitFor((r) => r.operationId === "checks/create" && (r.body as { head_sha?: string; name?: string }).head_sha === job.headSha && (r.body as { name?: string }).name === target.checkName, 30_000);
      const [{ status }, run] = await Promise.all([deliver(target.webhookUrl, deliveries[i] as Parameters<typeof deliver>[1]), checkRun.catch(() => null)]);
      // 202: the webhook middleware answers early when a handler runs longer than 9 s; the check run still counts.
      if ((status !== 200 && status !== 202) || run === null) { errors += 1; continue; }
      latencies.push(run.at - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { n: jobs.length, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: Math.max(...latencies), throughput: jobs.length / seconds, errors, apiCalls: (gh.requests.length - requestsBefore) / jobs.length };
}

async function main(): Promise<void> {
  const gh = await startFakeGitHub();
  // A fresh repository name per run: a persistent store (PostgreSQL) must not know its comment ids.
  const repo = gh.state.addRepo("acme", `mnist-${Date.now().toString(36)}`);
  repo.commit("main", { "README.md": "# mnist\n" }, "initial");
  const key = testPrivateKey();
  const dataDir = mkdtempSync(join(tmpdir(), "loss-doctor-bench-"));
  const rows: Row[] = [];
  const starters = [() => startBare(gh.url, key), ...STORES.map((kind) => () => startLossDoctor(gh.url, key, kind, join(dataDir, "pglite")))];
  for (const [t, start] of starters.entries()) {
    const target = await start();
    await runBatch(gh, target, makeJobs(repo, `t${t}-warm`, WARMUP), 4);
    for (const c of CONCURRENCY) {
      const result = await runBatch(gh, target, makeJobs(repo, `t${t}-c${c}`, deliveriesFor(c)), c);
      rows.push({ app: target.name, concurrency: c, ...result });
    }
    await target.stop();
  }
  await gh.close();
  rmSync(dataDir, { recursive: true, force: true });

  const fmt = (x: number): string => x.toFixed(x >= 100 ? 0 : 1);
  console.log(`# bench:app — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model ?? "?"} — load avg ${loadavg().map((l) => l.toFixed(1)).join(" ")} — Node ${process.version}`);
  console.log("| app | concurrent | deliveries | p50 ms | p95 ms | max ms | deliveries/s | GitHub API calls/delivery | errors |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.app} | ${r.concurrency} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${fmt(r.throughput)} | ${r.apiCalls.toFixed(1)} | ${r.errors} |`);
  for (const ld of rows.filter((r) => r.app !== "bare Probot app")) {
    const bare = rows.find((r) => r.app === "bare Probot app" && r.concurrency === ld.concurrency);
    if (bare !== undefined) console.log(`- ${ld.app}, ${ld.concurrency} concurrent: throughput ${(ld.throughput / bare.throughput).toFixed(2)}× bare (goal ≥ 0.8×); p95 ${fmt(ld.p95)} ms (goal ≤ 250 ms at 50)`);
  }
  console.log(`- installation tokens issued: ${gh.state.tokens.length} (Probot caches one per installation and app)`);
  console.log(`- OpenAPI violations recorded by the fake GitHub: ${gh.violations.length}${gh.violations.length === 0 ? "" : `\n${JSON.stringify(gh.violations.slice(0, 5), null, 2)}`}`);
}

await main();
