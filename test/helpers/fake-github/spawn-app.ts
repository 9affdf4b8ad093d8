import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Starts the REAL app server process (`node --import tsx src/main.ts`, no build step) in its own
 * process group, with the GitHub API pointed at a fake, a fresh PGlite data directory and a webhook
 * secret. `stop()` kills the whole group (npx/tsx children included) and removes the temp dir.
 */

export interface SpawnedApp {
  /** Process id of the app (node itself: no wrapper process). */
  pid: number;
  url: string;
  webhookUrl: string;
  secret: string;
  /** Everything the process printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface SpawnAppOptions {
  repoRoot: string;
  githubUrl: string;
  secret?: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Node arguments of the process (default: `--import tsx src/main.ts`; the benchmark runs `dist/main.js`). */
  nodeArgs?: readonly string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway RSA key for the App JWT (the fake accepts any well-formed JWT). */
export function testPrivateKey(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`app did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

function killGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) { resolve(); return; }
    const timer = setTimeout(() => { try { process.kill(-(child.pid ?? 0), "SIGKILL"); } catch { /* gone */ } }, 3_000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
    try { process.kill(-child.pid, "SIGTERM"); } catch { clearTimeout(timer); resolve(); }
  });
}

export async function spawnApp(options: SpawnAppOptions): Promise<SpawnedApp> {
  const dir = mkdtempSync(join(tmpdir(), "loss-doctor-e2e-"));
  const logFile = join(dir, "app.log");
  const out = openSync(logFile, "a");
  const port = await freePort();
  const secret = options.secret ?? "e2e-webhook-secret";
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, TZ: "UTC", NODE_ENV: "production",
    APP_ID: "12345", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: secret, GITHUB_API_URL: options.githubUrl,
    LOSS_DOCTOR_DATA_DIR: join(dir, "pglite"), PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? ["--import", "tsx", "src/main.ts"])], { cwd: options.repoRoot, env, detached: true, stdio: ["ignore", out, out] });
  const log = (): string => { try { return readFileSync(logFile, "utf8"); } catch { return ""; } };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, options.startTimeoutMs ?? 45_000, log);
  } catch (error) {
    await killGroup(child);
    throw error;
  }
  return {
    pid: child.pid ?? -1, url, webhookUrl: `${url}/api/github/webhooks`, secret, log,
    stop: async () => { await killGroup(child); rmSync(dir, { recursive: true, force: true }); },
  };
}
