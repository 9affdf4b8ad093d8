import { describe, expect, jest, test } from "@jest/globals";

jest.setTimeout(60_000);
import { buildRunCharts } from "../../../src/charts/build-charts.js";
import { Resvg } from "@resvg/resvg-js";
import { bundledFontFiles, renderPng, renderPngs, renderSvg, svgToPng, svgToPngAsync } from "../../../src/charts/render-image.js";
import { countInk, decodePng, hasPngSignature } from "./helpers/png.js";
import { decay, finding, run, series } from "./helpers/synth.js";

const testRun = run("render", [
  series("loss", "train-loss", decay(300, { seed: 5 })),
  series("val_loss", "val-loss", decay(30, { seed: 6, floor: 0.3 }), { steps: Array.from({ length: 30 }, (_, i) => i * 10) }),
  series("lr", "learning-rate", Array.from({ length: 300 }, (_, i) => 1e-3 * 0.99 ** i)),
]);
const findings = [finding("overfitting", "val_loss", 150, 290, { bestStep: 150, bestValue: 0.4 })];
const WHITE: [number, number, number] = [255, 255, 255];
const DARK_BG: [number, number, number] = [0x0d, 0x11, 0x17];
/** Title band at the top left of a 2× PNG: the title text is the only thing drawn there. */
const TITLE_BAND = { x: 0, y: 0, w: 400, h: 40 };

describe("renderSvg", () => {
  test("renderSvg(spec) draws the title, axes and lines as SVG without a canvas", async () => {
    const [loss] = buildRunCharts(testRun, findings);
    const svg = await renderSvg(loss!.spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Loss — render");
    expect(svg).toContain("learning rate");
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThan(5);
    expect(svg).toContain('aria-label="step: 0; loss:');
  });

  test("accessible: false drops the per-point ARIA descriptions and nothing that is drawn", async () => {
    const [loss] = buildRunCharts(testRun, findings);
    const plain = await renderSvg(loss!.spec, { accessible: false });
    expect(plain).not.toContain('aria-label="step');
    const strip = (svg: string): string => svg.replace(/ (aria-[a-z]+|role)="[^"]*"/g, "");
    expect(strip(plain)).toBe(strip(await renderSvg(loss!.spec)));
  });
});

describe("renderPng", () => {
  test("light PNG: signature, 2× size, not blank, title text rendered with the bundled font", async () => {
    const [loss] = buildRunCharts(testRun, findings);
    const bytes = await renderPng(loss!.spec);
    expect(hasPngSignature(bytes)).toBe(true);
    const png = decodePng(bytes);
    expect(png.width).toBeGreaterThan(1300);
    expect(png.width).toBeLessThan(1900);
    expect(png.height).toBeGreaterThan(600);
    const all = countInk(png, { x: 0, y: 0, w: png.width, h: png.height }, WHITE);
    expect(all / (png.width * png.height)).toBeGreaterThan(0.02);
    const titleInk = countInk(png, TITLE_BAND, WHITE);
    expect(titleInk).toBeGreaterThan(500);
    // Without the <text> elements the title band is empty: the ink above really is text.
    const svg = await renderSvg(loss!.spec);
    const textless = decodePng(svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, "")));
    expect(countInk(textless, TITLE_BAND, WHITE)).toBeLessThan(titleInk / 20);
  });

  test("dark theme: dark background, light text", async () => {
    const [loss] = buildRunCharts(testRun, findings, { theme: "dark" });
    const png = decodePng(await renderPng(loss!.spec, { theme: "dark" }));
    const i = (5 * png.width + 5) * png.channels;
    expect([png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]]).toEqual(DARK_BG);
    expect(countInk(png, TITLE_BAND, DARK_BG, 300)).toBeGreaterThan(300); // near-white glyph pixels
  });

  test("our PNG writer keeps resvg's pixels exactly; sync, async and batch renders agree", async () => {
    const charts = buildRunCharts(testRun, findings);
    const svg = await renderSvg(charts[0]!.spec, { accessible: false });
    const reference = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: bundledFontFiles(), defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "zoom", value: 2 }, background: "#ffffff" });
    const expected = decodePng(new Uint8Array(reference.render().asPng()));
    const ours = decodePng(svgToPng(svg));
    expect([ours.width, ours.height]).toEqual([expected.width, expected.height]);
    const rgb = (png: typeof ours): Buffer => Buffer.from(png.pixels.filter((_, i) => png.channels === 3 || i % 4 !== 3));
    expect(rgb(ours).equals(rgb(expected))).toBe(true);
    expect(Buffer.from(await svgToPngAsync(svg)).equals(Buffer.from(svgToPng(svg)))).toBe(true);
    const batch = await renderPngs(charts.map((c) => c.spec));
    expect(batch).toHaveLength(charts.length);
    for (const [i, chart] of charts.entries()) expect(Buffer.from(batch[i]!).equals(Buffer.from(await renderPng(chart.spec)))).toBe(true);
  });

  test("width option sets the output width in pixels", async () => {
    const [loss] = buildRunCharts(testRun, []);
    expect(decodePng(await renderPng(loss!.spec, { width: 800 })).width).toBe(800);
    const one = decodePng(await renderPng(loss!.spec, { scale: 1 }));
    expect(one.width).toBeGreaterThan(650);
    expect(one.width).toBeLessThan(950);
  });
});
