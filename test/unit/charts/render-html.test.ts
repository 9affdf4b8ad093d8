import { describe, expect, test } from "@jest/globals";
import { buildRunCharts } from "../../../src/charts/build-charts.js";
import { loadHtmlAssets } from "../../../src/charts/load-html-assets.js";
import { escapeInlineScript, renderHtmlPage } from "../../../src/charts/render-html.js";
import { decay, run, series } from "./helpers/synth.js";

const fakeAssets = { vega: "window.vega={};", vegaLite: "window.vegaLite={};", vegaEmbed: "window.vegaEmbed=()=>Promise.resolve();" };

describe("renderHtmlPage", () => {
  test("inlines the three libraries and the specs; no external URL is loaded", () => {
    const charts = buildRunCharts(run("</script><b>x", [series("loss", "train-loss", decay(100))]), [], { interactive: true });
    const html = renderHtmlPage(charts, fakeAssets);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const code of Object.values(fakeAssets)) expect(html).toContain(code);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href="http/);
    expect(html).toContain('id="chart-0"');
    // the run name cannot close the JSON script element or inject markup
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    expect(html).toContain("&lt;/script&gt;&lt;b&gt;x");
    const json = /<script type="application\/json" id="loss-doctor-specs">([^]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect((JSON.parse(json) as { id: string }[]).map((c) => c.id)).toEqual(["loss"]);
  });

  test("escapeInlineScript neutralises </script and <!--", () => {
    expect(escapeInlineScript('a="</SCRIPT>";b="<!--"')).toBe('a="<\\/SCRIPT>";b="<\\!--"');
  });

  test("loadHtmlAssets reads the UMD builds of vega, vega-lite and vega-embed", async () => {
    const assets = await loadHtmlAssets();
    expect(assets.vega).toContain(".vega={}");
    expect(assets.vegaLite).toContain(".vegaLite={}");
    expect(assets.vegaEmbed).toContain(".vegaEmbed=");
  });
});
