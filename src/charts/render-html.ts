import type { ChartSpec } from "./build-charts.js";
import { themePalette } from "./theme.js";

/** The UMD builds inlined into the page (see load-html-assets.ts). */
export interface HtmlAssets {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

export interface HtmlPageOptions {
  /** Page title. Default: the first chart's title. */
  title?: string;
  /** Page colours. Default: `light`. */
  theme?: "light" | "dark";
}

/** Makes script text safe inside an inline <script>: no `</script` or `<!--` can end or confuse it. */
export function escapeInlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** JSON that can sit inside a <script> element (every `<` escaped). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Embeds every chart; a chart that fails to render shows its error instead of a blank box. */
const BOOT = `
const charts = JSON.parse(document.getElementById("loss-doctor-specs").textContent);
const options = { renderer: "svg", actions: { export: true, source: true, compiled: false, editor: false } };
window.lossDoctorReady = Promise.all(charts.map((chart, i) =>
  vegaEmbed("#chart-" + i, chart.spec, options).catch((error) => {
    document.getElementById("chart-" + i).textContent = "This chart could not be drawn: " + error.message;
    throw error;
  })));
`;

/**
 * A standalone, offline HTML page with the charts, interactive through vega-embed: tooltips and
 * zoom/pan (drag to pan, wheel to zoom, double-click to reset) when the specs were built with
 * `interactive: true`. vega, vega-lite and vega-embed are inlined, so the page needs no network.
 * `window.lossDoctorReady` resolves once every chart is drawn (used by the browser test). Pure.
 */
export function renderHtmlPage(charts: ChartSpec[], assets: HtmlAssets, options: HtmlPageOptions = {}): string {
  const palette = themePalette(options.theme ?? "light");
  const title = options.title ?? charts[0]?.title ?? "Loss Doctor charts";
  const sections = charts.map((c, i) => `<section><div id="chart-${i}" class="chart" role="img" aria-label="${escapeHtml(c.title)}"></div></section>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
body { margin: 24px; background: ${palette.background}; color: ${palette.foreground}; font-family: "DejaVu Sans", system-ui, sans-serif; }
section { margin-bottom: 32px; }
.hint { color: ${palette.muted}; font-size: 13px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="hint">Hover for values. Drag to pan, scroll to zoom, double-click to reset.</p>
${sections}
<script>${escapeInlineScript(assets.vega)}</script>
<script>${escapeInlineScript(assets.vegaLite)}</script>
<script>${escapeInlineScript(assets.vegaEmbed)}</script>
<script type="application/json" id="loss-doctor-specs">${scriptJson(charts)}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
