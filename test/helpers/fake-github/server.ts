import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { loadGitHubOpenApi, OpenApiValidator, type RouteMatch } from "./openapi.js";
import { ROUTES, UNCHECKED_RESPONSES, type RouteResponse } from "./routes.js";
import { FakeGitHubState } from "./state.js";

/**
 * A fake GitHub REST API on loopback (node:http), state-based, that validates every request against
 * GitHub's OpenAPI description. An unknown route, an invalid request, a missing/unknown credential or
 * an operation the fake does not implement is answered with HTTP 599 and recorded in `violations`,
 * which tests assert to be empty. The fake's own responses are validated too (kind "response").
 */

export interface Violation { kind: "unknown-route" | "invalid-request" | "auth" | "not-implemented" | "response"; method: string; url: string; problems: string[] }

export interface RecordedRequest { method: string; url: string; operationId: string | null; status: number; body: unknown; at: number }

export interface FakeGitHub {
  url: string;
  state: FakeGitHubState;
  violations: Violation[];
  requests: RecordedRequest[];
  /** Requests that wrote something (POST/PATCH/PUT/DELETE), in order. */
  writes(): RecordedRequest[];
  /** Resolves with the first recorded request (now or later) that matches, or rejects after `timeoutMs`. */
  waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

export interface FakeGitHubOptions { state?: FakeGitHubState; validator?: OpenApiValidator; port?: number }

let sharedValidator: OpenApiValidator | undefined;

/** One validator per process (the spec takes ~1 s to load and schemas are compiled once). */
export function openApiValidator(): OpenApiValidator {
  sharedValidator ??= new OpenApiValidator(loadGitHubOpenApi());
  return sharedValidator;
}

async function readBody(req: IncomingMessage): Promise<{ text: string; json: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return { text, json: undefined };
  try { return { text, json: JSON.parse(text) as unknown }; } catch { return { text, json: text }; }
}

function send(res: ServerResponse, out: RouteResponse): void {
  const headers: Record<string, string> = { ...out.headers };
  if (out.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  res.writeHead(out.status, headers).end(out.body === undefined ? undefined : JSON.stringify(out.body));
}

function authProblem(req: IncomingMessage, route: RouteMatch, state: FakeGitHubState): string | null {
  const auth = req.headers.authorization ?? "";
  if (route.operationId === "apps/create-installation-access-token") {
    return /^bearer [\w-]+\.[\w-]+\.[\w-]+$/i.test(auth) ? null : "installation token requests need an App JWT (Authorization: Bearer <jwt>)";
  }
  const token = auth.replace(/^(token|bearer) /i, "");
  return state.tokens.some((t) => t.token === token) ? null : `unknown or missing installation token (Authorization: '${auth.slice(0, 12)}…')`;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = options.state ?? new FakeGitHubState();
  const validator = options.validator ?? openApiValidator();
  const violations: Violation[] = [];
  const requests: RecordedRequest[] = [];
  const waiters = new Set<(r: RecordedRequest) => void>();
  let baseUrl = "";

  const record = (r: RecordedRequest): void => { requests.push(r); for (const w of [...waiters]) w(r); };
  const fail = (res: ServerResponse, v: Violation): void => { violations.push(v); send(res, { status: 599, body: { message: `fake GitHub: ${v.kind}`, problems: v.problems } }); };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = performance.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", baseUrl);
    const { json } = await readBody(req);
    const artifact = /^\/_fake\/artifacts\/([^/]+)\/([^/]+)\/(\d+)\.zip$/.exec(url.pathname);
    if (method === "GET" && artifact !== null) {
      const zip = state.repo(artifact[1] ?? "", artifact[2] ?? "")?.artifacts.find((a) => a.id === Number(artifact[3]))?.zip;
      record({ method, url: url.pathname, operationId: null, status: zip === undefined ? 404 : 200, body: undefined, at });
      if (zip === undefined) { res.writeHead(404).end(); return; }
      res.writeHead(200, { "content-type": "application/zip", "content-length": String(zip.length) }).end(Buffer.from(zip));
      return;
    }
    const route = validator.match(method, url.pathname);
    if (route === null) return fail(res, { kind: "unknown-route", method, url: url.pathname, problems: [`GitHub has no operation ${method} ${url.pathname}`] });
    const problems = validator.validateRequest(route, url.searchParams, json, req.headers["content-type"]);
    if (problems.length > 0) return fail(res, { kind: "invalid-request", method, url: `${url.pathname}${url.search}`, problems: [`${route.operationId}:`, ...problems] });
    const auth = authProblem(req, route, state);
    if (auth !== null) return fail(res, { kind: "auth", method, url: url.pathname, problems: [auth] });
    const handler = ROUTES[route.operationId];
    if (handler === undefined) return fail(res, { kind: "not-implemented", method, url: url.pathname, problems: [`the fake does not implement ${route.operationId}`] });
    const repo = route.params.owner !== undefined && route.params.repo !== undefined ? state.repo(route.params.owner, route.params.repo) : undefined;
    const out = handler({ state, repo, params: route.params, query: url.searchParams, body: (json ?? {}) as Record<string, unknown>, baseUrl });
    if (!UNCHECKED_RESPONSES.has(route.operationId)) {
      const bad = validator.validateResponse(route, out.status, out.body);
      if (bad.length > 0) violations.push({ kind: "response", method, url: url.pathname, problems: [`${route.operationId}:`, ...bad] });
    }
    record({ method, url: `${url.pathname}${url.search}`, operationId: route.operationId, status: out.status, body: json, at });
    send(res, out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => fail(res, { kind: "not-implemented", method: req.method ?? "", url: req.url ?? "", problems: [String(error)] }));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl, state, violations, requests,
    writes: () => requests.filter((r) => r.method !== "GET" && r.method !== "HEAD" && r.operationId !== "apps/create-installation-access-token"),
    waitFor: (predicate, timeoutMs = 10_000) => new Promise((resolve, reject) => {
      const found = requests.find(predicate);
      if (found !== undefined) { resolve(found); return; }
      const timer = setTimeout(() => { waiters.delete(waiter); reject(new Error(`fake GitHub: no matching request within ${timeoutMs} ms`)); }, timeoutMs);
      const waiter = (r: RecordedRequest): void => { if (predicate(r)) { clearTimeout(timer); waiters.delete(waiter); resolve(r); } };
      waiters.add(waiter);
    }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
