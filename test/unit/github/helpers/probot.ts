import { afterEach, beforeEach } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import pino from "pino";
import { Writable } from "node:stream";
import { Probot } from "probot";
import { createLossDoctorApp } from "../../../../src/github/app.js";
import type { AppDeps } from "../../../../src/github/deps.js";
import { UnthrottledOctokit } from "../../../../src/github/octokit.js";
import { MemoryStore } from "../../../../src/store/memory-store.js";

export const API = "https://api.github.com";
export const INSTALLATION_ID = 2;
/** A fixed clock: stored records and comparisons are deterministic. */
export const FIXED_NOW = new Date("2026-11-22T10:00:00.000Z");

const require = createRequire(import.meta.url);
let privateKey: string | undefined;

/** One RSA key per test process (generation takes ~100 ms). */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

interface Example { name: string; examples: Record<string, unknown>[] }
let examples: Example[] | undefined;

/**
 * A real payload from @octokit/webhooks-examples (the n-th example of `name`/`action`), deep-copied,
 * with `installation` added (the examples have none) and `patch` applied on top.
 */
export function examplePayload<T = Record<string, unknown>>(name: string, action: string | null, patch: (p: T) => void = () => {}, nth = 0): T {
  examples ??= require("@octokit/webhooks-examples") as Example[];
  const family = examples.find((e) => e.name === name);
  const matching = (family?.examples ?? []).filter((e) => (action === null ? true : e.action === action));
  const example = matching[nth];
  if (example === undefined) throw new Error(`no example ${name}.${action ?? ""}#${nth}`);
  const payload = structuredClone(example) as T & { installation?: { id: number } };
  payload.installation = { id: INSTALLATION_ID };
  patch(payload);
  return payload;
}

/** Captured log lines (pino JSON), to assert on what the app logs. */
export interface LogCapture { lines: Record<string, unknown>[]; text: () => string }

export function captureLogs(): { logger: pino.Logger; capture: LogCapture } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), capture: { lines, text: () => lines.map((l) => JSON.stringify(l)).join("\n") } };
}

export interface TestApp {
  probot: Probot;
  deps: AppDeps;
  store: MemoryStore;
  logs: LogCapture;
}

/** A Probot instance with the app loaded over a MemoryStore, retries and throttling off. */
export async function createTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const store = new MemoryStore();
  const deps: AppDeps = { store, hosting: null, now: () => FIXED_NOW, fetch: () => Promise.reject(new Error("no fetch in tests")), ...overrides };
  const { logger, capture } = captureLogs();
  const probot = new Probot({
    appId: 123, privateKey: testPrivateKey(), log: logger,
    Octokit: UnthrottledOctokit,
  });
  await probot.load(createLossDoctorApp(deps), { cwd: process.cwd(), addHandler: () => {} });
  return { probot, deps, store: (deps.store as MemoryStore), logs: capture };
}

/** Token exchange every handler starts with. */
export function mockToken(scope: nock.Scope): nock.Scope {
  return scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(200, { token: "test-token", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
}

/** The contents-API response for a file. */
export function contentResponse(path: string, text: string | Uint8Array, sha = "blobsha") {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text);
  return { type: "file", encoding: "base64", size: data.byteLength, name: path.split("/").pop(), path, sha, content: data.toString("base64") };
}

/** Records requests nock could not match (they would otherwise surface only as swallowed errors). */
export function trackUnmatched(): { unmatched: string[]; stop: () => void } {
  const unmatched: string[] = [];
  const listener = (req: { method?: string; path?: string; href?: string }) => unmatched.push(`${req.method ?? ""} ${req.path ?? req.href ?? ""}`);
  nock.emitter.on("no match", listener);
  return { unmatched, stop: () => nock.emitter.removeListener("no match", listener) };
}

/** The app and the unmatched-request tracker of the current test (see `useNockedTestApp`). */
export interface NockedTestApp {
  readonly app: TestApp;
  readonly tracker: ReturnType<typeof trackUnmatched>;
}

/**
 * Registers the usual nock set-up around every test of the enclosing `describe`: no real network, a
 * fresh test app (optionally prepared by `prepare`), unmatched requests recorded, mocks cleaned after.
 */
export function useNockedTestApp(prepare?: (app: TestApp) => Promise<void>): NockedTestApp {
  let current: { app: TestApp; tracker: ReturnType<typeof trackUnmatched> } | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    const app = await createTestApp();
    current = { app, tracker: trackUnmatched() };
    await prepare?.(app);
  });
  afterEach(() => {
    current?.tracker.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  const get = () => {
    if (current === undefined) throw new Error("useNockedTestApp: used outside a test");
    return current;
  };
  return { get app() { return get().app; }, get tracker() { return get().tracker; } };
}
