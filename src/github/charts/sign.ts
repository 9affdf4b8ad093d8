import { createHmac, timingSafeEqual } from "node:crypto";
import type { ChartFormat } from "../../store/store.js";

/** Route prefix of served charts. */
export const CHART_ROUTE = "/charts/";
const FORMATS: readonly ChartFormat[] = ["png", "svg", "vl.json"];
const CHART_PATH = /^\/charts\/([A-Za-z0-9_-]{16,64})\.(png|svg|vl\.json)$/;

/** Store key of one rendered file of a chart (each chart id has a PNG, an SVG and a spec). */
export const chartRecordId = (id: string, format: ChartFormat): string => `${id}.${format}`;

/** HMAC-SHA256 signature (base64url) of one chart file name. */
export function signChart(id: string, format: ChartFormat, key: string): string {
  return createHmac("sha256", key).update(`${id}.${format}`).digest("base64url");
}

/** The public, signed URL of a chart: `<base>/charts/<id>.<format>?sig=...`. */
export function chartUrl(publicUrl: string, id: string, format: ChartFormat, key: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${CHART_ROUTE}${id}.${format}?sig=${signChart(id, format, key)}`;
}

export interface ChartRequest {
  id: string;
  format: ChartFormat;
}

/** Parses and verifies a request URL (path + query); null when it is not a validly signed chart URL. */
export function verifyChartRequest(url: string, key: string): ChartRequest | null {
  const parsed = new URL(url, "http://localhost");
  const match = CHART_PATH.exec(parsed.pathname);
  const sig = parsed.searchParams.get("sig");
  if (!match || sig === null) return null;
  const format = FORMATS.find((f) => f === match[2]);
  if (format === undefined) return null;
  const expected = Buffer.from(signChart(match[1]!, format, key));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id: match[1]!, format } : null;
}
