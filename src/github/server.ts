import { loadScanKernel } from "../ingest/formats/tfevents/scan-kernel-loader.js";
import { readFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot, type ProbotOctokit } from "probot";
import { readEnv, type AppEnv } from "../config/env.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { createLossDoctorApp } from "./app.js";
import type { AppDeps } from "./deps.js";
import { appOctokit, type GitHubHttpClient } from "./octokit.js";
import { startChartRetention } from "./chart-retention.js";
import { AppConfigCache } from "../config/config-cache.js";
import type { Log } from "./types.js";
import { guardWebhook } from "./webhook-guard.js";
import { safeError } from "./log-safe.js";

export const WEBHOOK_PATH = "/api/github/webhooks";

export interface ServerOptions {
  appId: number | string;
  privateKey: string;
  webhookSecret: string;
  store: Store;
  /** GitHub API base URL (GitHub Enterprise Server, or a fake GitHub in tests). Default: api.github.com. */
  baseUrl?: string;
  /** 0 picks a free port (read it back from `port`). Default: 3000. */
  port?: number;
  host?: string;
  /** Public base URL + signing key: enables served chart images in reports. */
  publicUrl?: string;
  chartSigningKey?: string;
  logLevel?: AppEnv["LOG_LEVEL"];
  /** `json`: one JSON object per line (production log shippers); `pretty` (default): human-readable. */
  logFormat?: AppEnv["LOG_FORMAT"];
  /** A pino logger to use instead of Probot's (tests capture logs with it). */
  log?: Log;
  now?: () => Date;
  fetch?: typeof fetch;
  /** Octokit class override. */
  Octokit?: typeof ProbotOctokit;
  /** false = no retries and no request throttling (fake GitHub in tests/benchmarks). Default: true. */
  throttle?: boolean;
  /** HTTP client of the GitHub API calls (default `node`: Node's http/https with keep-alive; `fetch`: undici). */
  httpClient?: GitHubHttpClient;
}

export interface RunningServer {
  port: number;
  /** `http://host:port` of the listening server. */
  url: string;
  probot: Probot;
  http: HttpServer;
  stop(): Promise<void>;
}

/** Builds the handlers' dependencies from server options. */
export function depsFromOptions(o: Pick<ServerOptions, "store" | "publicUrl" | "chartSigningKey" | "now" | "fetch">): AppDeps {
  return {
    store: o.store,
    hosting: o.publicUrl !== undefined && o.chartSigningKey !== undefined ? { publicUrl: o.publicUrl, signingKey: o.chartSigningKey } : null,
    now: o.now ?? (() => new Date()),
    fetch: o.fetch ?? fetch,
    configCache: new AppConfigCache(),
    scanKernel: loadScanKernel(),
  };
}

/**
 * Starts the app server (edge): Probot's webhook middleware (signature-verified) at
 * /api/github/webhooks, the signed chart route, GET /health and /ping. Stateless apart from the store,
 * so several replicas can share one PostgreSQL.
 */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const probot = new Probot({
    appId: options.appId, privateKey: options.privateKey, secret: options.webhookSecret, logLevel: options.logLevel ?? "info",
    ...(options.logFormat === undefined ? {} : { logFormat: options.logFormat }),
    ...(options.log === undefined ? {} : { log: options.log }),
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    Octokit: options.Octokit ?? appOctokit({ throttle: options.throttle !== false, httpClient: options.httpClient ?? "node" }),
  });
  const middleware = await createNodeMiddleware(createLossDoctorApp(depsFromOptions(options)), { probot, webhooksPath: WEBHOOK_PATH });
  const http = createHttpServer((req, res) => {
    if (req.method === "GET" && (req.url === "/health" || req.url === "/ping")) {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    const notFound = (): void => void res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    if (req.method === "POST" && req.url?.split("?")[0] === WEBHOOK_PATH) {
      guardWebhook(req, res, options.webhookSecret, probot.log)
        .then((ok) => (ok ? middleware(req, res, notFound) : false))
        .catch((error: unknown) => {
          // An aborted or broken request stream: answer if still possible, never crash the process.
          probot.log.warn({ error: safeError(error) }, "webhook request failed while reading");
          if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" }).end("Bad request\n");
        });
      return;
    }
    void middleware(req, res, notFound);
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = http.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  probot.log.info(`Loss Doctor listening on http://${host}:${port}${WEBHOOK_PATH}`);
  return {
    port, url: `http://${host}:${port}`, probot, http,
    stop: () => new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/** Reads PRIVATE_KEY_PATH into PRIVATE_KEY when only the path is given (edge: fs). */
async function withPrivateKey(env: Record<string, string | undefined>): Promise<Record<string, string | undefined>> {
  if (env.PRIVATE_KEY !== undefined || env.PRIVATE_KEY_PATH === undefined) return env;
  return { ...env, PRIVATE_KEY: await readFile(env.PRIVATE_KEY_PATH, "utf8") };
}

/** The handlers' dependencies from the environment (store opened once). Used by `probot run`. */
export async function depsFromEnv(raw: Record<string, string | undefined>): Promise<AppDeps> {
  const env = readEnv(await withPrivateKey(raw));
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.LOSS_DOCTOR_DATA_DIR });
  return depsFromOptions({ store, ...(env.PUBLIC_URL === undefined ? {} : { publicUrl: env.PUBLIC_URL }), ...(env.CHART_SIGNING_KEY === undefined ? {} : { chartSigningKey: env.CHART_SIGNING_KEY }) });
}

/** Starts the server from the process environment (src/main.ts). */
export async function startFromEnv(raw: Record<string, string | undefined>): Promise<RunningServer & { store: Store }> {
  const env = readEnv(await withPrivateKey(raw));
  const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.LOSS_DOCTOR_DATA_DIR });
  const server = await createServer({
    appId: env.APP_ID, privateKey: env.PRIVATE_KEY, webhookSecret: env.WEBHOOK_SECRET, store, port: env.PORT, host: env.HOST, logLevel: env.LOG_LEVEL, logFormat: env.LOG_FORMAT,
    throttle: env.GITHUB_THROTTLE === "on",
    httpClient: env.GITHUB_HTTP_CLIENT,
    ...(env.GITHUB_API_URL === undefined ? {} : { baseUrl: env.GITHUB_API_URL }),
    ...(env.PUBLIC_URL === undefined ? {} : { publicUrl: env.PUBLIC_URL }),
    ...(env.CHART_SIGNING_KEY === undefined ? {} : { chartSigningKey: env.CHART_SIGNING_KEY }),
  });
  const retention = startChartRetention({ store, days: env.CHART_RETENTION_DAYS, now: () => new Date(), log: server.probot.log });
  return { ...server, store, stop: async () => { retention.stop(); await server.stop(); await store.close(); } };
}
