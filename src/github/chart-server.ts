import type { IncomingMessage, ServerResponse } from "node:http";
import type { Store } from "../store/store.js";
import { CHART_ROUTE, chartRecordId, verifyChartRequest } from "./charts/sign.js";

/** Charts never change once stored, so clients and GitHub's image proxy may cache them for long. */
export const CHART_CACHE_SECONDS = 7 * 24 * 3600;

/**
 * A Probot `addHandler` handler serving stored charts at HMAC-signed URLs. Unsigned or tampered URLs
 * get 403, unknown ids 404; only GET/HEAD under /charts/ is handled, anything else falls through.
 */
export function createChartHandler(store: Store, signingKey: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = req.url ?? "";
    if (!url.startsWith(CHART_ROUTE) || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const request = verifyChartRequest(url, signingKey);
    if (request === null) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Forbidden: invalid chart signature\n");
      return true;
    }
    const chart = await store.getChart(chartRecordId(request.id, request.format));
    if (chart === null || chart.format !== request.format) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Chart not found\n");
      return true;
    }
    res.writeHead(200, {
      "content-type": chart.contentType,
      "content-length": String(chart.body.byteLength),
      "cache-control": `public, max-age=${CHART_CACHE_SECONDS}, immutable`,
      "x-content-type-options": "nosniff",
      // An SVG opened directly must not run scripts.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
    res.end(req.method === "HEAD" ? undefined : Buffer.from(chart.body));
    return true;
  };
}
