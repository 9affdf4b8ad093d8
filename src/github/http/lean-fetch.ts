// Edge file: the HTTP client of every GitHub API call (Octokit's `request.fetch`).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { BufferedResponse } from "./buffered-response.js";

/**
 * A `fetch` for Octokit on Node's own HTTP client with keep-alive agents. undici's `fetch` builds
 * WHATWG streams, a Request and a Response around every call; for the small JSON calls the app makes
 * (2–3 per webhook delivery) that machinery cost about half the CPU of each call (ADR 0007). Requests
 * it does not handle go to `fallback` (the global `fetch`) unchanged: a body that is a stream, form or
 * blob, `redirect: "error"`, non-HTTP URLs. A redirect (artifact downloads answer 302 to blob storage)
 * is re-sent through `fallback`, which follows it and drops the Authorization header across origins.
 */
export interface LeanFetchOptions {
  fallback?: typeof fetch;
  /** Sockets per origin (default `DEFAULT_MAX_SOCKETS`). */
  maxSockets?: number;
  /** Response bodies above this many bytes (after decompression) fail the call (default `DEFAULT_MAX_RESPONSE_BYTES`). */
  maxResponseBytes?: number;
  /** No response or body progress for this long fails the call (default `DEFAULT_TIMEOUT_MS`, undici's 300 s). */
  timeoutMs?: number;
}

export const DEFAULT_MAX_SOCKETS = 64;
/** Above GitHub's largest API body the app reads: a 100 MB blob as base64 in JSON (≈ 134 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 160 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 300_000;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Failures surface like undici's: `TypeError("fetch failed")` with the cause (Octokit reports its message). */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

type Body = string | Uint8Array | undefined;

/** A kept-alive socket the server had closed: the request never reached it (retried once). */
class StaleSocketError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

function leanBody(body: RequestInit["body"]): Body | null {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  return null;
}

function headerObject(headers: RequestInit["headers"]): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return { ...(headers as Record<string, string>) };
}

function responseHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

function decoded(res: IncomingMessage): Readable {
  const encoding = (res.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(createGunzip());
  if (encoding === "deflate") return res.pipe(createInflate());
  if (encoding === "br") return res.pipe(createBrotliDecompress());
  return res;
}

/** Reads the whole (decoded) body, refusing more than `max` bytes. */
function readBody(res: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = decoded(res);
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) {
        res.destroy();
        stream.destroy();
        reject(fetchFailed(new Error(`response body larger than ${max} bytes`)));
        return;
      }
      chunks.push(chunk);
    });
    stream.once("error", (error) => reject(fetchFailed(error)));
    res.once("error", (error) => reject(fetchFailed(error)));
    stream.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
  });
}

export function createLeanFetch(options: LeanFetchOptions = {}): typeof fetch {
  const fallback = options.fallback ?? globalThis.fetch;
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  const agents = { "http:": new HttpAgent({ keepAlive: true, maxSockets }), "https:": new HttpsAgent({ keepAlive: true, maxSockets }) };
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const leanFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = leanBody(init.body);
    const url = typeof input === "string" || input instanceof URL ? new URL(input) : null;
    if (url === null || body === null || init.redirect === "error" || (url.protocol !== "http:" && url.protocol !== "https:")) return fallback(input, init);
    return send(url, init, body).then((response) => {
      if (REDIRECTS.has(response.status) && init.redirect !== "manual" && response.headers.has("location")) return fallback(input, init);
      return response as unknown as Response;
    });
  };

  /**
   * Sends once more when a kept-alive socket turns out to have been closed by the server meanwhile
   * (reset before any response: the server never took the request), as Node's documentation advises.
   */
  function send(url: URL, init: RequestInit, body: Body): Promise<BufferedResponse> {
    return sendOnce(url, init, body).catch((error: unknown) => {
      if (!(error instanceof StaleSocketError)) throw error;
      return sendOnce(url, init, body).catch((again: unknown) => {
        throw again instanceof StaleSocketError ? fetchFailed(again.cause) : again;
      });
    });
  }

  function sendOnce(url: URL, init: RequestInit, body: Body): Promise<BufferedResponse> {
    const signal = init.signal ?? undefined;
    if (signal?.aborted === true) return Promise.reject(abortError(signal));
    const method = (init.method ?? "GET").toUpperCase();
    const headers = { "accept-encoding": "gzip, deflate, br", ...headerObject(init.headers) };
    return new Promise<BufferedResponse>((resolve, reject) => {
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      // Every way out (response, error, abort) goes through here, so the abort listener never outlives the call.
      const settle = (outcome: BufferedResponse | { error: unknown }): void => {
        signal?.removeEventListener("abort", onAbort);
        if (outcome instanceof BufferedResponse) resolve(outcome);
        else reject(outcome.error);
      };
      const onAbort = (): void => {
        req.destroy();
        settle({ error: abortError(signal as AbortSignal) });
      };
      const req = request(url, { method, headers, agent: agents[url.protocol as "http:" | "https:"], timeout: timeoutMs }, (res) => {
        readBody(res, maxBytes).then(
          (bytes) => settle(new BufferedResponse(bytes, res.statusCode ?? 0, res.statusMessage ?? "", responseHeaders(res), url.href)),
          (error: unknown) => settle({ error }),
        );
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      req.once("timeout", () => req.destroy(new Error(`no response for ${timeoutMs} ms`)));
      req.once("error", (error: NodeJS.ErrnoException) => {
        const stale = req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
        settle({ error: stale ? new StaleSocketError(error) : fetchFailed(error) });
      });
      req.end(body);
    });
  }

  return leanFetch as typeof fetch;
}
