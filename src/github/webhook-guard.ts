import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Log } from "./types.js";

/** GitHub caps webhook payloads at 25 MB; anything larger is refused unread. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

const SIGNATURE_PREFIX = "sha256=";

/** True when `signature` (the `x-hub-signature-256` header) is the HMAC-SHA256 of `body` under `secret`. */
export function isValidSignature(secret: string, body: Uint8Array, signature: string | undefined): boolean {
  if (signature?.startsWith(SIGNATURE_PREFIX) !== true) return false;
  const expected = Buffer.from(`${SIGNATURE_PREFIX}${createHmac("sha256", secret).update(body).digest("hex")}`, "utf8");
  const given = Buffer.from(signature, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.byteLength;
    if (size > limit) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Verifies a webhook's signature before Probot sees it (edge). Probot logs a rejected delivery's whole
 * unverified payload at ERROR level; here a forged or unsigned delivery is answered 400 and logged at
 * WARN with its delivery id and event name only — never its body. A verified body is handed on as
 * `req.body` (which @octokit/webhooks reads instead of the consumed stream). Returns false when the
 * request was answered here.
 */
export async function guardWebhook(req: IncomingMessage, res: ServerResponse, secret: string, log: Log): Promise<boolean> {
  const meta = { deliveryId: header(req, "x-github-delivery") ?? null, event: header(req, "x-github-event") ?? null };
  const body = await readBody(req, MAX_WEBHOOK_BYTES);
  if (body === null) {
    log.warn(meta, "webhook refused: payload above 25 MB");
    res.writeHead(413, { "content-type": "text/plain" }).end("Payload too large\n");
    return false;
  }
  if (!isValidSignature(secret, body, header(req, "x-hub-signature-256"))) {
    log.warn(meta, "webhook refused: missing or invalid x-hub-signature-256 (check that WEBHOOK_SECRET matches the app's webhook secret)");
    res.writeHead(400, { "content-type": "text/plain" }).end("Invalid signature\n");
    return false;
  }
  (req as IncomingMessage & { body?: string }).body = body.toString("utf8");
  return true;
}
