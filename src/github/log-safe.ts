/**
 * What the app's own log lines may carry about an error (edge helper). Octokit's RequestError holds
 * the whole request (body: comment and check-run text, log contents) and the response body; pino's
 * default serializer would log all of it. Only the fields below are logged — never bodies, headers,
 * tokens or webhook payloads.
 */
export interface SafeError {
  type: string;
  message: string;
  /** HTTP status of a failed GitHub request. */
  status?: number;
  /** `METHOD url` of a failed GitHub request (no headers, no body). */
  request?: string;
  /** GitHub's `x-github-request-id`, to quote when asking GitHub support. */
  requestId?: string;
  stack?: string;
}

/** Longest message logged (a GitHub error message is short; a long one is someone's body). */
export const MAX_LOGGED_MESSAGE_CHARS = 500;

interface RequestLike {
  status?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { headers?: Record<string, unknown> };
}

/** The loggable part of `error` (pure). */
export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-Error value thrown" };
  const e = error as Error & RequestLike;
  const out: SafeError = { type: e.name, message: e.message.slice(0, MAX_LOGGED_MESSAGE_CHARS) };
  if (typeof e.status === "number") out.status = e.status;
  if (typeof e.request?.method === "string" && typeof e.request.url === "string") out.request = `${e.request.method} ${e.request.url.split("?")[0] ?? ""}`;
  const requestId = e.response?.headers?.["x-github-request-id"];
  if (typeof requestId === "string") out.requestId = requestId;
  if (e.stack !== undefined) out.stack = e.stack;
  return out;
}
