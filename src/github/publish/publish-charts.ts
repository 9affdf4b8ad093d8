import { randomBytes } from "node:crypto";
import { buildRunCharts } from "../../charts/build-charts.js";
import { renderSvg, svgToPng } from "../../charts/render-image.js";
import type { RunDiagnosis } from "../../diagnose/diagnose.js";
import type { ChartFormat, Store } from "../../store/store.js";
import { chartRecordId, chartUrl } from "../charts/sign.js";

/** Charts rendered per report (each run's loss chart first); rendering costs ~0.2–0.5 s each. */
export const MAX_CHARTS_PER_REPORT = 4;

/** Where charts are served from; absent when the app has no PUBLIC_URL (reports use Mermaid then). */
export interface ChartHosting {
  publicUrl: string;
  signingKey: string;
}

export interface PublishedChart {
  run: string;
  chartId: string;
  title: string;
  png: string;
  svg: string;
  spec: string;
}

const CONTENT_TYPES: Readonly<Record<ChartFormat, string>> = {
  png: "image/png",
  svg: "image/svg+xml",
  "vl.json": "application/json",
};

/** An unguessable, URL-safe chart id (128 random bits). */
export const newChartId = (): string => randomBytes(16).toString("base64url");

/**
 * Renders the runs' charts to PNG and SVG, stores them with the vega-lite spec under fresh random
 * ids, and returns their signed public URLs (edge: rendering + store).
 */
export async function publishCharts(
  store: Store,
  hosting: ChartHosting,
  repo: string,
  runs: RunDiagnosis[],
  options: { theme: "light" | "dark"; now: () => Date; newId?: () => string },
): Promise<PublishedChart[]> {
  const specs = runs.flatMap((d) => buildRunCharts(d.run, d.findings, { theme: options.theme }).map((c) => ({ run: d.run.name, chart: c })));
  const published: PublishedChart[] = [];
  for (const { run, chart } of specs.slice(0, MAX_CHARTS_PER_REPORT)) {
    const id = (options.newId ?? newChartId)();
    const svg = await renderSvg(chart.spec);
    const bodies: Record<ChartFormat, Uint8Array> = {
      png: svgToPng(svg),
      svg: new TextEncoder().encode(svg),
      "vl.json": new TextEncoder().encode(JSON.stringify(chart.spec)),
    };
    const createdAt = options.now().toISOString();
    for (const format of Object.keys(bodies) as ChartFormat[]) {
      await store.saveChart({ id: chartRecordId(id, format), repo, format, contentType: CONTENT_TYPES[format], body: bodies[format], createdAt });
    }
    const url = (format: ChartFormat): string => chartUrl(hosting.publicUrl, id, format, hosting.signingKey);
    published.push({ run, chartId: chart.id, title: chart.title, png: url("png"), svg: url("svg"), spec: url("vl.json") });
  }
  return published;
}
